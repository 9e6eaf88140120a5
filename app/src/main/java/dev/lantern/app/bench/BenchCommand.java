package dev.lantern.app.bench;

import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.mcts.Mcts;
import dev.lantern.agents.mcts.MctsConfig;
import dev.lantern.agents.mcts.RandomRolloutEvaluator;
import dev.lantern.environments.api.VectorEnv;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.TicTacToe;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import dev.lantern.app.console.LanternCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench envs}: environment stepping speed on one thread, measured in one run: a single environment
 * (with and without writing the one-hot observation) and a {@link VectorEnv} of many copies (observations included,
 * auto-reset included). Random actions are drawn in advance so that only stepping is timed.
 * {@code lantern bench mcts}: MCTS simulations per second on tic-tac-toe with random rollouts, on one thread.
 * {@code lantern bench update}: network updates per second, Lantern's PPO step against DL4J {@code fit} ({@link BenchUpdate}).
 * {@code lantern bench agents}: each learner's env steps per second while training ({@link BenchAgentsCommand}).
 * {@code lantern bench memory}: resident memory over a training run ({@link BenchMemoryCommand}).
 * {@code lantern bench lab}: training speed with the lab closed vs open on its circuit view ({@link BenchLabCommand}).
 * {@code lantern bench analyze}: seconds {@code lantern analyze} takes on a run ({@link BenchAnalyzeCommand}).
 * {@code lantern bench patching}: seconds for the full activation-patching sweep ({@link BenchPatchingCommand}).
 * {@code lantern bench cka}: seconds for CKA across checkpoints x sites x seeds ({@link BenchCkaCommand}).
 */
@Command(name = "bench", description = "Benchmarks that print figures measured in one run.",
        subcommands = {BenchCommand.Envs.class, BenchCommand.MctsBench.class, BenchUpdate.class,
            BenchAgentsCommand.class, BenchMemoryCommand.class, BenchAnalyzeCommand.class, BenchAblation.class,
            BenchPatchingCommand.class, BenchCircuitCommand.class, BenchLabCommand.class, BenchGameLabCommand.class, BenchCkaCommand.class,
            BenchLcaCommand.class, BenchTreeCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code lantern bench envs}. */
    @Command(name = "envs", description = "Environment steps per second, single and batched, on one thread.")
    static final class Envs extends LanternCommand {

        @Option(names = "--env", paramLabel = "ID", description = "environment (default: grid/four-rooms-v1)")
        private String env = "grid/four-rooms-v1";

        @Option(names = "--copies", paramLabel = "N", description = "copies in the batched run (default: 64)")
        private int copies = 64;

        @Option(names = "--seconds", paramLabel = "S", description = "seconds per measurement (default: 2)")
        private double seconds = 2;

        @Override
        protected int execute() {
            new BenchArguments()
                    .require(EnvRegistry.ids().contains(env),
                            "--env: unknown environment '" + env + "' (known: " + String.join(", ", EnvRegistry.ids()) + ")")
                    .inRange("--copies", copies, 1, 65_536)
                    .rejectWithSeconds(seconds);
            PrintWriter out = out();
            int[] actions = new SplittableRandom(1).ints(1 << 16, 0, 4).toArray();
            long nanos = (long) (seconds * 1e9);
            out.printf("lantern bench envs: %s, random actions, one thread, %.1f s per measurement%n", env, seconds);
            for (int round = 0; round < 2; round++) { // round 0 warms the JIT up
                double bare = single(actions, false, round == 0 ? nanos / 4 : nanos);
                double encoded = single(actions, true, round == 0 ? nanos / 4 : nanos);
                double batched = batched(actions, round == 0 ? nanos / 4 : nanos);
                if (round == 1) {
                    out.printf(Locale.ROOT, "single, no observation      %,14.0f steps/s%n", bare);
                    out.printf(Locale.ROOT, "single, one-hot observation %,14.0f steps/s%n", encoded);
                    out.printf(Locale.ROOT, "batched x%-5d one-hot      %,14.0f steps/s%n", copies, batched);
                }
            }
            out.flush();
            return 0;
        }

        private double single(int[] actions, boolean observe, long nanos) {
            GridWorld w = EnvRegistry.make(env);
            float[] obs = new float[w.spec().observationSize()];
            w.resetInPlace(0);
            long[] episodes = {0};
            float[] checksum = {0};
            int[] i = {0};
            Timed t = Timed.repeat(nanos, () -> {
                for (int k = 0; k < 4096; k++) {
                    w.stepInPlace(actions[i[0]++ & 0xffff]);
                    if (observe) {
                        w.observeInto(obs, 0);
                        checksum[0] += obs[(k * 131) % obs.length]; // read what was written, so nothing is elided
                    }
                    if (w.episodeOver()) {
                        w.resetInPlace(++episodes[0]);
                    }
                }
                return 4096;
            });
            sink = checksum[0];
            return t.perSecond();
        }

        private double batched(int[] actions, long nanos) {
            List<GridWorld> ws = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                ws.add(EnvRegistry.make(env));
            }
            VectorEnv v = new VectorEnv(ws, 0);
            v.reset();
            int[] batch = new int[copies];
            float[] checksum = {0};
            int[] i = {0};
            Timed t = Timed.repeat(nanos, () -> {
                for (int k = 0; k < 64; k++) {
                    for (int c = 0; c < copies; c++) {
                        batch[c] = actions[i[0]++ & 0xffff];
                    }
                    v.step(batch);
                    checksum[0] += v.observations[(k * 131) % v.observations.length];
                }
                return 64L * copies;
            });
            sink = checksum[0];
            return t.perSecond();
        }
    }

    /**
     * {@code lantern bench mcts}: UCT with random rollouts from the empty tic-tac-toe board, searches of a fixed size
     * repeated for the given time after a warm-up of a quarter of it; prints simulations per second.
     */
    @Command(name = "mcts", description = "MCTS simulations per second on tic-tac-toe, random rollouts, one thread.")
    static final class MctsBench extends LanternCommand {

        @Option(names = "--simulations", paramLabel = "N", description = "simulations per search (default: 1000)")
        private int simulations = 1000;

        @Option(names = "--seconds", paramLabel = "S", description = "seconds of measurement (default: 2)")
        private double seconds = 2;

        @Override
        protected int execute() {
            new BenchArguments().inRange("--simulations", simulations, 1, 1_000_000).rejectWithSeconds(seconds);
            PrintWriter out = out();
            Mcts<GameState> mcts = new Mcts<>(new GameProblem(TicTacToe.instance()),
                    new RandomRolloutEvaluator<>(1), MctsConfig.defaults().withSimulations(simulations));
            GameState root = TicTacToe.instance().initialState();
            long nanos = (long) (seconds * 1e9);
            out.printf(Locale.ROOT, "lantern bench mcts: %s, UCT, random rollouts, %d simulations per search, "
                    + "one thread, %.2f s%n", TicTacToe.ID, simulations, seconds);
            measure(mcts, root, nanos / 4); // warm-up
            Timed searches = measure(mcts, root, nanos);
            out.printf(Locale.ROOT, "searches %,14.0f%n", (double) searches.count());
            out.printf(Locale.ROOT, "simulations/s %,14.0f%n", searches.perSecond() * simulations);
            out.flush();
            return 0;
        }

        /** Searches run for {@code nanos}; the work units counted are searches. */
        private static Timed measure(Mcts<GameState> mcts, GameState root, long nanos) {
            int[] checksum = {0};
            Timed t = Timed.repeat(nanos, () -> {
                checksum[0] += mcts.search(root).action();
                return 1;
            });
            sink = checksum[0];
            return t;
        }
    }

    /** Receives checksums of the observations written, so that the JIT cannot drop the writes. */
    static volatile float sink;
}
