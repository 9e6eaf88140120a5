package dev.lantern.app.cli;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.analysis.dynamics.ParameterDistance;
import dev.lantern.app.analyze.Figures;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.dynamics.CheckpointDiff;
import dev.lantern.app.dynamics.DynamicsRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern diff RUN[@STEP] RUN[@STEP] [--out DIR] [--top K] [--no-figures]}: two checkpoints of grid-world runs
 * of one environment and one architecture (two steps of one run, or two runs) set side by side over every state
 * ({@link CheckpointDiff}). Without {@code @STEP} a run's newest checkpoint is read. A missing run, a step the run did
 * not checkpoint (the message lists those it did), runs on different environments or of different architectures are
 * bad input: exit 2, nothing written.
 */
@Command(name = "diff", description = "What changed between two checkpoints: parameters, policy, values, neurons; "
        + "writes diff.json.")
final class DiffCommand extends LanternCommand {

    /** A {@code RUN[@STEP]} argument. */
    record Target(Path dir, Long step) {
    }

    @Parameters(index = "0", paramLabel = "RUN[@STEP]", description = "the first checkpoint (a); newest without @STEP")
    private String first;

    @Parameters(index = "1", paramLabel = "RUN[@STEP]", description = "the second checkpoint (b)")
    private String second;

    @Option(names = "--out", paramLabel = "DIR", description = "where diff.json goes (default: "
            + "A/analysis/diff-<stepA>-<stepB>/, or diff-<stepA>-<B>-<stepB>/ for two runs)")
    private Path out;

    @Option(names = "--top", paramLabel = "K", description = "states and neurons in each ranked table (default 10)")
    private int top = 10;

    @Option(names = "--no-figures", description = "write diff.json only, no PNG figures")
    private boolean noFigures;

    @Override
    protected int execute() {
        PrintWriter stdout = out();
        List<String> problems = new ArrayList<>();
        if (top < 1) {
            problems.add("--top: must be >= 1, got " + top);
        }
        Target ta = parse(first, problems);
        Target tb = parse(second, problems);
        DynamicsRun a = load(ta, problems);
        DynamicsRun b = ta.dir().toAbsolutePath().normalize().equals(tb.dir().toAbsolutePath().normalize()) && a != null
                ? a : load(tb, problems);
        long stepA = a == null ? -1 : step(a, ta, problems);
        long stepB = b == null ? -1 : step(b, tb, problems);
        reject(problems);
        String envA = a.newest().world().spec().id();
        String envB = b.newest().world().spec().id();
        if (!envA.equals(envB)) {
            problems.add(b.dir() + ": trained on " + envB + ", but " + a.dir() + " on " + envA
                    + " (lantern diff compares checkpoints of one environment)");
        } else {
            InspectableNetwork na = fromInput(() -> a.network(stepA));
            InspectableNetwork nb = fromInput(() -> b.network(stepB));
            if (!ParameterDistance.sameArchitecture(na, nb)) {
                problems.add(a.dir() + "@" + stepA + " and " + b.dir() + "@" + stepB + " differ in architecture ("
                        + na.layout().layers() + " vs " + nb.layout().layers() + "): lantern diff needs the same layers;"
                        + " lantern dynamics compares their policies");
            }
        }
        reject(problems);
        Path dir = out != null ? out : CheckpointDiff.defaultFolder(a, stepA, b, stepB);
        List<Path> written = fromInput(() -> CheckpointDiff.write(a, stepA, b, stepB, top, !noFigures, stdout, dir));
        stdout.printf("wrote %s (and %d figures in %s)%n", written.get(written.size() - 1), written.size() - 1,
                dir.resolve(Figures.FOLDER));
        return 0;
    }

    /** {@code RUN} or {@code RUN@STEP}, split at the last {@code @}; a bad step is a problem. */
    static Target parse(String arg, List<String> problems) {
        int at = arg.lastIndexOf('@');
        if (at < 0) {
            return new Target(Path.of(arg), null);
        }
        String step = arg.substring(at + 1);
        String run = arg.substring(0, at);
        if (run.isEmpty()) {
            problems.add(arg + ": no run directory before @ (expected RUN@STEP, e.g. runs/short@20480)");
            return new Target(Path.of("."), null);
        }
        if (!step.matches("\\d{1,18}")) {
            problems.add(arg + ": '" + step + "' after @ is not an env step (expected RUN@STEP with STEP a "
                    + "non-negative integer, e.g. " + run + "@20480; or RUN alone for its newest checkpoint)");
            return new Target(Path.of(run), null);
        }
        return new Target(Path.of(run), Long.parseLong(step));
    }

    private static DynamicsRun load(Target t, List<String> problems) {
        try {
            return DynamicsRun.load(t.dir());
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static long step(DynamicsRun run, Target t, List<String> problems) {
        if (t.step() == null) {
            return run.newestStep();
        }
        if (!run.checkpointSteps().contains(t.step())) {
            problems.add(run.dir() + ": no checkpoint at step " + t.step() + " (it has: " + run.checkpointSteps()
                    + ")");
        }
        return t.step();
    }
}
