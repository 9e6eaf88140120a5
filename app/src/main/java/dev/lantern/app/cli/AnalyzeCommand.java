package dev.lantern.app.cli;

import dev.lantern.app.analyze.AnalyzeOptions;
import dev.lantern.app.analyze.CircuitReport;
import dev.lantern.app.analyze.Figures;
import dev.lantern.app.analyze.SearchAnalysis;
import dev.lantern.app.analyze.SearchPositions;
import dev.lantern.app.engine.GameCheckpoint;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.engine.CheckpointNetwork;
import dev.lantern.app.engine.TrainingEnvironment;
import dev.lantern.analysis.circuits.PairSpec;
import dev.lantern.analysis.circuits.PairSpecException;
import dev.lantern.app.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern analyze RUN [--checkpoint STEP] [--out DIR]}: reads a grid-world run's checkpointed network (the
 * newest by default) and writes {@code DIR/circuits.json} (default {@code RUN/analysis/step-<9 digits>/}) with the
 * circuit analyses of {@code docs/circuits.md} and {@code docs/attribution.md}: layer health over every state,
 * zero- and mean-ablation tables, concept probes with their controls, and integrated gradients of the value at the
 * start with their completeness error, and PNG figures of them ({@link CircuitReport}). On an AlphaZero game run
 * it writes {@code DIR/search.json} (default {@code RUN/analysis/search/}) instead: every checkpoint's network and
 * search held against exact play ({@link SearchAnalysis}, {@code docs/search.md}; connect-four against a seeded
 * sample labelled by alpha-beta: {@code --positions N --depth D --sample-seed S}); {@code --checkpoint} restricts it
 * to one. The run directory is only read (besides the new files).
 */
@Command(name = "analyze", description = "Analyze a run's checkpointed networks: circuits.json for a grid-world run, "
        + "search.json (network and search vs exact play over every checkpoint) for an AlphaZero game run.")
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

    @Option(names = "--pairs", paramLabel = "FILE", description = "pair sets for activation patching, by predicates "
            + "over the exact state (JSON; docs/circuits.md)")
    private Path pairs;

    @Option(names = "--positions", paramLabel = "N", description = "connect-four runs: sampled positions to measure"
            + " (default " + SearchPositions.DEFAULT_POSITIONS + ")")
    private Integer positions;

    @Option(names = "--depth", paramLabel = "D", description = "connect-four runs: the alpha-beta horizon of the labels"
            + " in plies (default " + SearchPositions.DEFAULT_DEPTH + ")")
    private Integer depth;

    @Option(names = "--sample-seed", paramLabel = "S", description = "connect-four runs: the seed of the position"
            + " sample (default 0)")
    private Long sampleSeed;

    @Override
    protected int execute() {
        PrintWriter stdout = out();
        if (GameCheckpoint.isGameRun(run)) {
            return analyzeGame(stdout);
        }
        List<String> sampleOptions = new ArrayList<>();
        for (String given : new String[] {positions != null ? "--positions" : null, depth != null ? "--depth" : null,
                sampleSeed != null ? "--sample-seed" : null}) {
            if (given != null) {
                sampleOptions.add(given + ": samples and labels connect-four positions; " + run + " is not a game run");
            }
        }
        if (!sampleOptions.isEmpty()) {
            throw new ConfigException(sampleOptions);
        }
        List<PairSpec> specs = pairs == null ? List.of() : readPairs(pairs);
        CheckpointNetwork cn = CheckpointNetwork.load(run, checkpoint);
        TrainingEnvironment.resolve(cn.experiment().env()).levels().ifPresent(levels -> stdout.printf("note: %s is a"
                + " level family (a new maze each episode); the circuits are over its named level, training level 0"
                + " (docs/procedural.md)%n", levels.id()));
        Path dir = out != null ? out : CircuitReport.defaultFolder(cn);
        AnalyzeOptions options = new AnalyzeOptions(PROBE_SEED, !noFigures, specs);
        List<Path> written = fromInput(() -> CircuitReport.standard().write(cn, options, stdout, dir));
        Path json = written.get(written.size() - 1);
        stdout.printf("wrote %s (and %d figures in %s)%n", json, written.size() - 1, dir.resolve(Figures.FOLDER));
        return 0;
    }

    /** A game run: search introspection over its checkpoints (docs/search.md). */
    private int analyzeGame(PrintWriter stdout) {
        if (pairs != null) {
            throw new ConfigException(List.of("--pairs " + pairs + ": activation patching reads grid-world runs, "
                    + run + " is a game run"));
        }
        GameCheckpoint all = GameCheckpoint.load(run);
        GameCheckpoint g = checkpoint == null ? all : all.at(checkpoint);
        Path dir = out != null ? out : SearchAnalysis.defaultFolder(g);
        SearchPositions choice = new SearchPositions(positions, depth, sampleSeed);
        List<Path> written = fromInput(() -> SearchAnalysis.write(g, choice, !noFigures, stdout, dir));
        stdout.printf("wrote %s (and %d figures in %s)%n", written.get(written.size() - 1), written.size() - 1,
                dir.resolve(Figures.FOLDER));
        return 0;
    }

    /** The pair sets of {@code file}; an unreadable or bad file is bad input listing every problem. */
    private static List<PairSpec> readPairs(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException ex) {
            throw new ConfigException(List.of("--pairs " + file + ": cannot read (" + ex.getMessage() + ")"));
        }
        try {
            return PairSpec.parse(file.toString(), text);
        } catch (PairSpecException ex) {
            throw new ConfigException(ex.problems());
        }
    }
}
