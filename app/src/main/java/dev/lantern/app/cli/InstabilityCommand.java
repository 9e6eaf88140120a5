package dev.lantern.app.cli;

import dev.lantern.app.analyze.Figures;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.dynamics.DynamicsOptions;
import dev.lantern.app.dynamics.DynamicsReport;
import dev.lantern.app.dynamics.DynamicsRun;
import dev.lantern.app.engine.ChildRuns;
import dev.lantern.app.engine.Fork;
import dev.lantern.app.engine.RunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern instability RUN --at K1,K2,... --children N [--seed S] [--vary ...] [--parallel P] [--out DIR]}:
 * the instability analysis of Frankle et al. (2020) for an RL run: forks {@code RUN} at every step {@code K}
 * ({@link Fork}: {@code N} children each, differing only in the streams named), trains every child to the end of the
 * budget, {@code P} at a time as child processes, then writes the report of {@link DynamicsReport#instability()}
 * ({@code OUT/dynamics.json} and figures): the barrier of every pair of children of each fork step, its bootstrap
 * interval, and the first step from which the run is stable. Every fork is checked before anything is written; the
 * same command again continues what a kill left (children already trained are kept, stopped ones resumed).
 */
@Command(name = "instability", description = "Fork a run at several steps, train the children, and measure linear "
        + "mode connectivity between them (instability analysis).")
final class InstabilityCommand extends LanternCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run to fork (trained with training.keepStates)")
    private Path run;

    @Option(names = "--at", required = true, split = ",", paramLabel = "K1,K2,...",
            description = "env steps of the checkpoints to fork at (five or more for a curve)")
    private List<Long> at;

    @Option(names = "--children", paramLabel = "N", description = "children per fork step (default 4: 6 pairs)")
    private int children = 4;

    @Option(names = "--seed", paramLabel = "S", description = "the forks' seed (default 0)")
    private long seed;

    @Option(names = "--vary", paramLabel = "STREAM,...", description = "streams the children differ in: names, all "
            + "(default) or none")
    private String vary = "all";

    @Option(names = "--parallel", paramLabel = "P", description = "children trained at once (default 1)")
    private int parallel = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "where the forks (k-<step>/child-<i>) and the report "
            + "go (default RUN/analysis/instability-seed-<S>)")
    private Path out;

    @Override
    protected int execute() {
        PrintWriter stdout = out();
        List<String> problems = new ArrayList<>();
        if (parallel < 1) {
            problems.add("--parallel: must be >= 1, got " + parallel);
        }
        if (children < 2) {
            problems.add("--children: an instability analysis compares pairs of children, so it needs 2 or more, got "
                    + children);
        }
        if (at.stream().distinct().count() != at.size()) {
            problems.add("--at: a step is named twice: " + at);
        }
        reject(problems);
        Path dir = out != null ? out : run.resolve("analysis").resolve("instability-seed-" + seed);
        List<Path> childDirs = new ArrayList<>();
        List<Fork> forks = new ArrayList<>();
        for (long k : at) {
            Path forkOut = dir.resolve("k-" + k);
            if (Files.isDirectory(forkOut) && Files.isDirectory(Fork.childDir(forkOut, 0))) {
                // Made by an earlier, stopped call: continued below, if it is the same fork as asked for now.
                String other = otherFork(forkOut, k);
                if (other != null) {
                    problems.add("--at " + k + ": " + forkOut + " holds the children of another fork (" + other
                            + "); choose another --out, or remove it");
                    continue;
                }
                for (int i = 0; i < children; i++) {
                    childDirs.add(Fork.childDir(forkOut, i));
                }
                continue;
            }
            try {
                Fork f = Fork.prepare(new Fork.Plan(run, k, children, seed, vary, forkOut));
                forks.add(f);
                childDirs.addAll(f.children());
            } catch (ConfigException e) {
                e.problems().forEach(p -> problems.add("--at " + k + ": " + p));
            }
        }
        reject(problems);
        for (Fork f : forks) {
            fromInput(() -> {
                f.write();
                return f;
            });
        }
        stdout.printf(Locale.ROOT, "lantern instability: %s forked at %s, %d children each, seed %d, varying %s: %d "
                + "children, %d at a time%n", run, at, children, seed, vary, childDirs.size(), parallel);
        stdout.flush();
        List<String> failed = train(childDirs, stdout);
        if (!failed.isEmpty()) {
            err().println("lantern instability: " + failed.size() + " children failed: " + String.join(", ", failed)
                    + " (the same command continues them)");
            return FAILED;
        }
        List<DynamicsRun> loaded = DynamicsCommand.load(childDirs);
        List<Path> written = fromInput(() -> DynamicsReport.instability().write(loaded,
                new DynamicsOptions(true, seed), stdout, dir));
        stdout.printf("wrote %s (and %d figures in %s)%n", written.get(written.size() - 1), written.size() - 1,
                dir.resolve(Figures.FOLDER));
        return 0;
    }

    /** Trains every child that has not completed, {@code parallel} at a time; returns those that failed. */
    private List<String> train(List<Path> childDirs, PrintWriter stdout) {
        List<ChildRuns.Job> jobs = new ArrayList<>();
        for (Path child : childDirs) {
            if (!RunStatus.completed(child)) {
                String label = child.getParent().getFileName() + "/" + child.getFileName();
                jobs.add(new ChildRuns.Job(label, List.of("resume", child.toString()),
                        child.resolveSibling(child.getFileName() + ".log")));
            }
        }
        if (jobs.size() < childDirs.size()) {
            stdout.printf("%d children already trained (kept)%n", childDirs.size() - jobs.size());
        }
        try {
            List<ChildRuns.Result> results = ChildRuns.runAll(jobs, parallel, r -> {
                stdout.printf(Locale.ROOT, "  %s: exit %d in %.1f s%s%n", r.job().label(), r.exitCode(), r.seconds(),
                        r.ok() ? "" : " (log " + r.job().log() + ")");
                stdout.flush();
            });
            return results.stream().filter(r -> !r.ok()).map(r -> r.job().label()).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return jobs.stream().map(ChildRuns.Job::label).toList();
        }
    }

    /**
     * Why the children in {@code forkOut} are not those of the fork asked for (its seed, number of children or streams
     * differ: read from the first child's manifest), or null when they are.
     */
    private String otherFork(Path forkOut, long k) {
        List<String> expected;
        try {
            expected = Fork.prepare(new Fork.Plan(run, k, children, seed, vary, forkOut.resolve(".plan"))).varied();
        } catch (ConfigException e) {
            return String.join("; ", e.problems());
        }
        Path manifest = Fork.childDir(forkOut, 0).resolve("manifest.json");
        try {
            com.google.gson.JsonObject f = com.google.gson.JsonParser.parseString(Files.readString(manifest))
                    .getAsJsonObject().getAsJsonObject("fork");
            long s = f.get("seed").getAsLong();
            int n = f.get("children").getAsInt();
            List<String> v = f.getAsJsonArray("vary").asList().stream().map(e -> e.getAsString()).toList();
            if (s != seed || n != children || !v.equals(expected)) {
                return "seed " + s + ", " + n + " children, varying " + (v.isEmpty() ? "none" : String.join(",", v))
                        + "; asked for seed " + seed + ", " + children + " children, varying "
                        + (expected.isEmpty() ? "none" : String.join(",", expected));
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "its first child's manifest " + manifest + " has no readable fork object";
        }
    }

}
