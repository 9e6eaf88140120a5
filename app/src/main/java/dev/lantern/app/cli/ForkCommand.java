package dev.lantern.app.cli;

import dev.lantern.agents.run.MetricsLog;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.engine.ChildRuns;
import dev.lantern.app.engine.ExperimentRun;
import dev.lantern.app.engine.Fork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern fork RUN --at STEP --children N [--seed S] [--vary STREAM,...|all|none] [--parallel P] [--out DIR]}:
 * branches a run at a checkpoint into N children ({@link Fork}), then trains each to the end of the budget as
 * {@code lantern resume} would: one after another in this process, or {@code P} at a time as child processes
 * ({@link ChildRuns}, one log file per child beside its directory). A child that fails is named in the summary and
 * the command exits 1; a fork that cannot be made exits 2 and writes nothing.
 */
@Command(name = "fork", description = "Branch a run at a checkpoint into children that differ only in the random "
        + "streams named, and train each to the end.")
final class ForkCommand extends LanternCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run directory to branch")
    private Path run;

    @Option(names = "--at", required = true, paramLabel = "STEP", description = "env step of the checkpoint to branch at")
    private long at;

    @Option(names = "--children", required = true, paramLabel = "N", description = "how many children")
    private int children;

    @Option(names = "--seed", paramLabel = "S", description = "the fork's seed (default 0): child i's stream X gets a "
            + "seed derived from (S, STEP, i, X)")
    private long seed;

    @Option(names = "--vary", paramLabel = "STREAM,...", description = "streams to reseed: names (env, explore, "
            + "shuffle, replay, selfplay, probe, eval), all (default) or none")
    private String vary = "all";

    @Option(names = "--parallel", paramLabel = "P", description = "children trained at once, as child processes "
            + "(default 1: one after another in this process)")
    private int parallel = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "folder of the children child-<i>/ (default "
            + "RUN/forks/step-<STEP>-seed-<S>)")
    private Path out;

    @Override
    protected int execute() {
        PrintWriter stdout = out();
        if (parallel < 1) {
            reject(List.of("--parallel: must be >= 1, got " + parallel));
        }
        Fork fork = fromInput(() -> Fork.prepare(new Fork.Plan(run, at, children, seed, vary, out)));
        fromInput(() -> {
            fork.write();
            return fork;
        });
        stdout.printf(Locale.ROOT, "lantern fork: %s at %s (env step %,d), %s, into %d children, seed %d, varying %s "
                + "(the run's streams: %s)%n", run, fork.checkpoint().getFileName(), at,
                fork.learner().toUpperCase(Locale.ROOT), children, seed,
                fork.varied().isEmpty() ? "none" : String.join(", ", fork.varied()), String.join(", ", fork.streams()));
        stdout.printf("children: %s/child-0 .. child-%d%n", fork.out(), children - 1);
        stdout.flush();
        List<String> failed = parallel == 1 ? inProcess(fork, stdout) : inChildren(fork, stdout);
        for (int i = 0; i < children; i++) {
            Path child = fork.children().get(i);
            OptionalDouble ret = MetricsLog.read(child.resolve("metrics.jsonl")).last("eval/return");
            stdout.printf(Locale.ROOT, "child-%d: %s%s%n", i, failed.contains("child-" + i) ? "FAILED" : "completed",
                    ret.isPresent() ? String.format(Locale.ROOT, ", eval/return %.4f", ret.getAsDouble()) : "");
        }
        if (!failed.isEmpty()) {
            err().println("lantern fork: " + failed.size() + " of " + children + " children failed: "
                    + String.join(", ", failed) + " (lantern resume CHILD continues one)");
            return FAILED;
        }
        return 0;
    }

    /** Trains the children one after another in this process; returns the labels of those that failed. */
    private List<String> inProcess(Fork fork, PrintWriter stdout) {
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            Path child = fork.children().get(i);
            ExperimentRun.Builder b = fromInput(() -> ExperimentRun.resuming(child));
            ProgressBar progress = new ProgressBar(stdout, b.experiment().training().totalEnvSteps(),
                    System.console() != null);
            ExperimentRun r = fromInput(b.observer(progress)::build);
            stdout.printf("child-%d: %s%n", i, child);
            stdout.flush();
            if (RunCommand.train(r, progress, stdout, err(), "lantern fork: child-" + i) != 0) {
                failed.add("child-" + i);
            }
        }
        return failed;
    }

    /** Trains the children {@code parallel} at a time as {@code lantern resume} child processes. */
    private List<String> inChildren(Fork fork, PrintWriter stdout) {
        List<ChildRuns.Job> jobs = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            Path child = fork.children().get(i);
            jobs.add(new ChildRuns.Job("child-" + i, List.of("resume", child.toString()),
                    fork.out().resolve("child-" + i + ".log")));
        }
        List<ChildRuns.Result> results;
        try {
            results = ChildRuns.runAll(jobs, parallel, r -> {
                stdout.printf(Locale.ROOT, "%s: exit %d in %.1f s (log %s)%s%n", r.job().label(), r.exitCode(),
                        r.seconds(), r.job().log(), r.problem() == null ? "" : ": " + r.problem());
                stdout.flush();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return jobs.stream().map(ChildRuns.Job::label).toList();
        }
        return results.stream().filter(r -> !r.ok()).map(r -> r.job().label()).toList();
    }
}
