package dev.lantern.app.bench;

import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.app.engine.ExperimentRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench lca}: what loss change allocation costs training, and what splitting it by loss term
 * ({@code lca.perTerm}) adds, measured in one process: the default experiment ({@code examples/four-rooms.json}, or
 * the built-in defaults) trained for {@code --steps} env steps with LCA off, on as one loss, and on per term,
 * {@code --rounds} times in turn after an untimed warm-up; printed per run and as mean seconds with the ratios.
 */
@Command(name = "lca", description = "Training time with LCA off, on (one loss) and on per loss term.")
final class BenchLcaCommand extends LanternCommand {

    @Option(names = "--steps", paramLabel = "N", description = "env steps per run (default: 16384)")
    private long steps = 16_384;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds of off / whole / per term (default: 2)")
    private int rounds = 2;

    private enum Mode { OFF, WHOLE, PER_TERM }

    @Override
    protected int execute() {
        new BenchArguments().require(steps >= 1_024 && steps <= 10_000_000,
                "--steps: must be in [1024, 10000000], got " + steps).inRange("--rounds", rounds, 1, 10).reject();
        Path example = Path.of(System.getProperty("lantern.home", "."), "examples", "four-rooms.json");
        Experiment base = (Files.exists(example) ? ExperimentLoader.load(example) : ExperimentLoader.defaults())
                .withTotalEnvSteps(steps);
        PrintWriter out = out();
        out.printf(Locale.ROOT, "lantern bench lca: %s (%s), %,d env steps per run, %d rounds, one thread%n",
                base.name(), base.agentType(), steps, rounds);
        out.printf(Locale.ROOT, "%-9s %-6s %10s %12s%n", "lca", "round", "seconds", "env steps/s");
        run(base, Mode.PER_TERM);
        double[] sums = new double[Mode.values().length];
        for (int r = 1; r <= rounds; r++) {
            for (Mode mode : Mode.values()) {
                double seconds = run(base, mode);
                sums[mode.ordinal()] += seconds;
                out.printf(Locale.ROOT, "%-9s %-6d %10.2f %,12.0f%n", mode.name().toLowerCase(Locale.ROOT), r, seconds,
                        steps / seconds);
                out.flush();
            }
        }
        double off = sums[Mode.OFF.ordinal()] / rounds;
        double whole = sums[Mode.WHOLE.ordinal()] / rounds;
        double perTerm = sums[Mode.PER_TERM.ordinal()] / rounds;
        out.printf(Locale.ROOT, "mean seconds: off %.2f, whole %.2f, per term %.2f; LCA's own cost: whole %.2f s, per "
                + "term %.2f s (x%.2f); training with per-term LCA / whole-loss LCA: x%.2f%n", off, whole, perTerm,
                whole - off, perTerm - off, (perTerm - off) / (whole - off), perTerm / whole);
        out.flush();
        return 0;
    }

    private static double run(Experiment base, Mode mode) {
        Experiment e = mode == Mode.OFF ? base.withLca(false)
                : base.withLca(true).withLcaPerTerm(mode == Mode.PER_TERM);
        ExperimentRun run = ExperimentRun.builder(e).build();
        long t0 = System.nanoTime();
        run.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
