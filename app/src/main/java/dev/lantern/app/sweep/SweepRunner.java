package dev.lantern.app.sweep;

import dev.lantern.app.engine.ChildRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a sweep's runs as child processes ({@link ChildRuns}), {@code parallel} at a time: each pending run with
 * {@code lantern run --config <setting>/config.json --seed <seed> --out <setting>/seed-<seed>} when its directory is
 * missing or empty, and with {@code lantern resume <setting>/seed-<seed>} (exact) when a killed or interrupted run left
 * it; completed runs (their manifest says so) are skipped. {@code sweep.json} is rewritten at every start and end.
 * A run whose child fails is recorded {@code failed}, with its exit code and log, and the sweep goes on.
 */
public final class SweepRunner {

    private final Path dir;
    private final SweepGrid grid;
    private final int parallel;
    private final PrintWriter out;

    /**
     * @param dir      the sweep directory (checked with {@link SweepDirectory#check})
     * @param grid     what it trains
     * @param parallel children at a time, >= 1
     * @param out      receives one line per run started elsewhere and per run that ends
     */
    public SweepRunner(Path dir, SweepGrid grid, int parallel, PrintWriter out) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
        }
        this.dir = dir;
        this.grid = grid;
        this.parallel = parallel;
        this.out = out;
    }

    /** Every run of the grid with the status its directory shows now (completed or pending). */
    public List<SweepRunEntry> plan() {
        List<SweepRunEntry> runs = new ArrayList<>();
        for (SweepRunEntry r : SweepDirectory.runs(grid)) {
            runs.add(r.with(SweepDirectory.statusOnDisk(dir.resolve(r.dir())), null));
        }
        return runs;
    }

    /**
     * Writes the settings' configs and {@code sweep.json}, then trains every run of {@code plan} that is not completed.
     *
     * @return every run with its final status, in grid order
     * @throws InterruptedException if this thread is interrupted (the children are destroyed; the directory resumes)
     */
    public List<SweepRunEntry> run(List<SweepRunEntry> plan) throws InterruptedException {
        List<SweepRunEntry> runs = new ArrayList<>(plan);
        SweepDirectory.write(dir, grid, runs); // first: it makes the directory a sweep's
        SweepDirectory.writeConfigs(dir, grid);
        Map<String, Setting> settings = new HashMap<>();
        grid.settings().forEach(s -> settings.put(s.label(), s));
        Map<String, Integer> index = new HashMap<>();
        List<ChildRuns.Job> jobs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SweepRunEntry r = runs.get(i);
            if (r.status().equals(SweepRunEntry.COMPLETED)) {
                continue;
            }
            Path runDir = dir.resolve(r.dir());
            List<String> args = SweepDirectory.toStart(runDir)
                    ? List.of("run", "--config", dir.resolve(settings.get(r.setting()).dir()).resolve("config.json")
                            .toString(), "--seed", Long.toString(r.seed()), "--out", runDir.toString())
                    : List.of("resume", runDir.toString());
            index.put(r.dir(), i);
            jobs.add(new ChildRuns.Job(r.dir(), args, dir.resolve(r.log())));
        }
        int[] ended = {0};
        ChildRuns.runAll(jobs, parallel, job -> {
            int i = index.get(job.label());
            runs.set(i, runs.get(i).with(SweepRunEntry.RUNNING, null));
            SweepDirectory.write(dir, grid, runs);
        }, result -> {
            int i = index.get(result.job().label());
            SweepRunEntry r = runs.get(i);
            boolean completed = result.ok()
                    && SweepDirectory.statusOnDisk(dir.resolve(r.dir())).equals(SweepRunEntry.COMPLETED);
            runs.set(i, r.with(completed ? SweepRunEntry.COMPLETED : SweepRunEntry.FAILED, result.exitCode()));
            SweepDirectory.write(dir, grid, runs);
            ended[0]++;
            String how = result.job().args().get(0).equals("resume") ? " (resumed)" : "";
            if (completed) {
                out.printf(Locale.ROOT, "[%d/%d] %s seed %d: completed%s in %.1f s%n", ended[0], jobs.size(),
                        r.setting(), r.seed(), how, result.seconds());
            } else {
                out.printf(Locale.ROOT, "[%d/%d] %s seed %d: FAILED%s (exit %d%s); log %s%s%n", ended[0], jobs.size(),
                        r.setting(), r.seed(), how, result.exitCode(), result.problem() == null ? ""
                                : ", " + result.problem(), dir.resolve(r.log()), lastLine(dir.resolve(r.log())));
            }
            out.flush();
        });
        return runs;
    }

    /** The last non-blank line of a log, as {@code : <line>}, or "" when there is none. */
    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return ": " + lines.get(i).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // no log: the child could not start, and the problem says why
        }
        return "";
    }
}
