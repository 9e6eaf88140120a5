package dev.lantern.app.cli;

import dev.lantern.app.analyze.AnalyzeOptions;
import dev.lantern.app.analyze.CircuitReport;
import dev.lantern.app.analyze.Figures;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.engine.CheckpointNetwork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern analyze RUN [--checkpoint STEP] [--out DIR]}: reads a grid-world run's checkpointed network (the
 * newest by default) and writes {@code DIR/circuits.json} (default {@code RUN/analysis/step-<9 digits>/}) with the
 * circuit analyses of {@code docs/circuits.md} and {@code docs/attribution.md}: layer health over every state,
 * zero- and mean-ablation tables, concept probes with their controls, and integrated gradients of the value at the
 * start with their completeness error, and PNG figures of them ({@link CircuitReport}). The run directory is only
 * read (besides the new files).
 */
@Command(name = "analyze", description = "Analyze a grid-world run's checkpointed network; writes circuits.json.")
final class AnalyzeCommand extends LanternCommand {

    /** Seed of the probes' train/held-out split. */
    static final long PROBE_SEED = 0;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run directory")
    private Path run;

    @Option(names = "--checkpoint", paramLabel = "STEP", description = "the checkpoint's env step (default: newest)")
    private Long checkpoint;

    @Option(names = "--out", paramLabel = "DIR", description = "where circuits.json goes (default: "
            + "RUN/analysis/step-<9 digits>/)")
    private Path out;

    @Option(names = "--no-figures", description = "write circuits.json only, no PNG figures")
    private boolean noFigures;

    @Override
    protected int execute() {
        PrintWriter stdout = out();
        CheckpointNetwork cn = CheckpointNetwork.load(run, checkpoint);
        Path dir = out != null ? out : CircuitReport.defaultFolder(cn);
        AnalyzeOptions options = new AnalyzeOptions(PROBE_SEED, !noFigures);
        List<Path> written = fromInput(() -> CircuitReport.standard().write(cn, options, stdout, dir));
        Path json = written.get(written.size() - 1);
        stdout.printf("wrote %s (and %d figures in %s)%n", json, written.size() - 1, dir.resolve(Figures.FOLDER));
        return 0;
    }
}
