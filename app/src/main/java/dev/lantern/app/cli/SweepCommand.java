package dev.lantern.app.cli;

import dev.lantern.agents.run.RunLock;
import dev.lantern.agents.run.RunLockedException;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.sweep.Setting;
import dev.lantern.app.sweep.SweepAggregate;
import dev.lantern.app.sweep.SweepDirectory;
import dev.lantern.app.sweep.SweepGrid;
import dev.lantern.app.sweep.SweepRunEntry;
import dev.lantern.app.sweep.SweepRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern sweep CONFIG --seeds 1..20 [--set PATH=V1,V2 ...] [--parallel P] [--out DIR]}: trains every setting
 * of a grid (the cartesian product of the {@code --set} values) with every seed, as child processes, into one sweep
 * directory (docs/sweeps.md). The same command with the same {@code --out} resumes it: completed runs are skipped,
 * killed ones resumed exactly, the rest started. At the end the completed runs are aggregated with rliable's
 * statistics ({@link SweepAggregate}: {@code aggregate.json} and figures).
 */
@Command(name = "sweep", description = "Train a grid of settings x seeds as child processes into one sweep directory.")
final class SweepCommand extends LanternCommand {

    /** The most children at a time. */
    static final int MAX_PARALLEL = 64;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "the base experiment file")
    private Path config;

    @Option(names = "--seeds", required = true, paramLabel = "SEEDS",
            description = "run seeds: 1..20, 1,4,7 or 3 (ranges and numbers, separated by commas)")
    private String seeds;

    @Option(names = "--set", paramLabel = "PATH=V1,V2", description = "a field of the experiment and the values to try "
            + "(repeatable; the grid is every combination), e.g. agent.learningRate=1e-3,3e-3 or "
            + "agent.hiddenSizes=[32,32],[64,64]")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "P", description = "child processes at a time (default 1)")
    private int parallel = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "the sweep directory (default sweeps/<name>-<time>); "
            + "the same command with the same --out resumes it")
    private Path out;

    @Option(names = "--stats-seed", paramLabel = "N", description = "seed of the aggregate's bootstrap resampling "
            + "(default 0): the same runs and seed give the same aggregate.json")
    private long statsSeed;

    @Override
    protected int execute() {
        List<String> problems = new ArrayList<>();
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            problems.add("--parallel: must be in [1, " + MAX_PARALLEL + "], got " + parallel);
        }
        reject(problems);
        SweepGrid grid = fromInput(() -> SweepGrid.resolve(config, seeds, sets));
        Path dir = out != null ? out : Path.of("sweeps", grid.settings().get(0).experiment().name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        boolean existing = SweepDirectory.check(dir, grid);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        try (RunLock lock = fromInput(() -> acquire(dir))) {
            return sweep(dir, grid, existing);
        }
    }

    private static RunLock acquire(Path dir) {
        try {
            return RunLock.acquire(dir);
        } catch (RunLockedException e) {
            throw new IllegalArgumentException(e.getMessage().replace("this run", "this sweep"), e);
        }
    }

    private int sweep(Path dir, SweepGrid grid, boolean existing) {
        PrintWriter stdout = out();
        SweepRunner runner = new SweepRunner(dir, grid, parallel, stdout);
        List<SweepRunEntry> plan = runner.plan();
        long done = plan.stream().filter(r -> r.status().equals(SweepRunEntry.COMPLETED)).count();
        long resume = plan.stream().filter(r -> !r.status().equals(SweepRunEntry.COMPLETED)
                && !SweepDirectory.toStart(dir.resolve(r.dir()))).count();
        Setting first = grid.settings().get(0);
        stdout.printf(Locale.ROOT, "lantern sweep: %s, %d setting%s x %d seed%s = %d runs, %d at a time%n",
                grid.base(), grid.settings().size(), grid.settings().size() == 1 ? "" : "s", grid.seeds().size(),
                grid.seeds().size() == 1 ? "" : "s", plan.size(), parallel);
        grid.settings().forEach(s -> stdout.printf("  %s%n", s.label()));
        stdout.printf(Locale.ROOT, "%,d env steps a run (%s, %s)%n", first.experiment().training().totalEnvSteps(),
                first.experiment().agentType(), first.experiment().name());
        stdout.printf("sweep directory: %s%n", dir);
        if (existing) {
            stdout.printf("resuming the sweep: %d completed (skipped), %d to resume, %d to start%n", done, resume,
                    plan.size() - done - resume);
        }
        stdout.flush();
        List<SweepRunEntry> runs;
        try {
            runs = runner.run(plan);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("lantern sweep: interrupted; the same command resumes it");
            return FAILED;
        }
        List<SweepRunEntry> failed = runs.stream().filter(r -> r.status().equals(SweepRunEntry.FAILED)).toList();
        stdout.printf("sweep: %d runs, %d completed, %d failed%s%n", runs.size(), runs.size() - failed.size(),
                failed.size(), done == runs.size() ? " (all were already complete: nothing was run)" : "");
        for (SweepRunEntry r : failed) {
            stdout.printf("  failed: %s seed %d (exit %s), log %s%n", r.setting(), r.seed(), r.exitCode(),
                    dir.resolve(r.log()));
        }
        stdout.printf("sweep directory: %s%n", dir);
        stdout.flush();
        if (runs.size() > failed.size()) {
            // Failed runs are listed in the aggregate, never silently dropped; the completed ones are compared.
            List<Path> written = fromInput(() -> SweepAggregate.write(dir, statsSeed, stdout));
            stdout.printf("aggregate: %s (and %d figures)%n", written.get(written.size() - 1), written.size() - 1);
            stdout.flush();
        }
        if (!failed.isEmpty()) {
            err().println("lantern sweep: " + failed.size() + " of " + runs.size() + " runs failed (listed above)");
            return FAILED;
        }
        return 0;
    }
}
