package dev.lantern.app.cli;

import dev.lantern.app.analyze.Figures;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.dynamics.DynamicsOptions;
import dev.lantern.app.dynamics.DynamicsReport;
import dev.lantern.app.dynamics.DynamicsRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern dynamics RUN... [--out DIR] [--no-figures]}: reads one or more grid-world runs of the same
 * environment (a run and its forks' children, seeds of one config, ...) and writes {@code DIR/dynamics.json} (default
 * {@code RUN/analysis/dynamics/} of the first run) with the training-dynamics analyses of {@code docs/dynamics.md}
 * and PNG figures of them ({@link DynamicsReport}). The run directories are only read (besides the new files); a
 * missing or corrupt run, or runs on different environments, is bad input and nothing is written.
 */
@Command(name = "dynamics", description = "Compare runs of one grid world over training; writes dynamics.json.")
final class DynamicsCommand extends LanternCommand {

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "RUN", description = "run directories (one or more)")
    private List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", description = "where dynamics.json goes (default: "
            + "RUN/analysis/dynamics/ of the first run)")
    private Path out;

    @Option(names = "--no-figures", description = "write dynamics.json only, no PNG figures")
    private boolean noFigures;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the bootstrap resampling (default 0)")
    private long seed;

    @Override
    protected int execute() {
        PrintWriter stdout = out();
        List<DynamicsRun> loaded = load(runs);
        Path dir = out != null ? out : DynamicsReport.defaultFolder(loaded);
        DynamicsOptions options = new DynamicsOptions(!noFigures, seed);
        List<Path> written = fromInput(() -> DynamicsReport.standard().write(loaded, options, stdout, dir));
        Path json = written.get(written.size() - 1);
        stdout.printf("wrote %s (and %d figures in %s)%n", json, written.size() - 1, dir.resolve(Figures.FOLDER));
        return 0;
    }

    /** Every run, read; every problem (unreadable runs, runs on another environment than the first) at once. */
    static List<DynamicsRun> load(List<Path> dirs) {
        List<String> problems = new ArrayList<>();
        List<DynamicsRun> loaded = new ArrayList<>();
        for (Path d : dirs) {
            try {
                loaded.add(DynamicsRun.load(d));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (problems.isEmpty() && !loaded.isEmpty()) {
            String env = loaded.get(0).newest().world().spec().id();
            for (DynamicsRun r : loaded.subList(1, loaded.size())) {
                String other = r.newest().world().spec().id();
                if (!other.equals(env)) {
                    problems.add(r.dir() + ": trained on " + other + ", but " + loaded.get(0).dir() + " on " + env
                            + " (lantern dynamics compares runs of one environment)");
                }
            }
        }
        reject(problems);
        return loaded;
    }
}
