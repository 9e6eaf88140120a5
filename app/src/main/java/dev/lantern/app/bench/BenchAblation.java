package dev.lantern.app.bench;

import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.AblationKind;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench ablation}: the time to ablate every neuron of an untrained 64-64 PPO network over the whole state
 * space of four-rooms ({@link NeuronAblation#table}), per ablation kind, warm, with {@value NeuronAblation#NEURONS_PER_PASS}
 * neurons per pass beside one pass per neuron, measured in the same run and interleaved; the ratio is taken within
 * each repetition. The ablation includes everything its table holds: policy KL, greedy changes, |dV|, the value error
 * against V* and V^pi and the greedy outcome from the start of every ablated network. Times are the calling thread's
 * CPU seconds (median, min and max), which a loaded machine inflates far less than wall-clock time; run it with
 * {@code OMP_NUM_THREADS=1} (printed), where ND4J computes on the calling thread, for one core.
 */
@Command(name = "ablation", description = "Whole-state-space ablation of every neuron of a 64-64 PPO net, batched vs "
        + "one pass per neuron.")
final class BenchAblation extends LanternCommand {

    @Option(names = "--env", paramLabel = "ID", description = "grid environment (default: grid/four-rooms-v1)")
    private String env = "grid/four-rooms-v1";

    @Option(names = "--repetitions", paramLabel = "N", description = "interleaved repetitions (default: 5)")
    private int repetitions = 5;

    @Option(names = "--neurons-per-pass", paramLabel = "K", description = "neurons per pass of the batched way "
            + "(default: " + NeuronAblation.NEURONS_PER_PASS + ")")
    private int perPass = NeuronAblation.NEURONS_PER_PASS;

    @Override
    protected int execute() {
        new BenchArguments()
                .require(EnvRegistry.ids().contains(env) && env.startsWith("grid/"),
                        "--env: not a grid environment '" + env + "' (known: " + String.join(", ", EnvRegistry.ids()) + ")")
                .inRange("--repetitions", repetitions, 1, 100)
                .inRange("--neurons-per-pass", perPass, 1, 4096)
                .rejectWithSeconds(1);
        PrintWriter out = out();
        GridWorld world = EnvRegistry.make(env);
        StateBatch states = StateBatch.of(world);
        PpoConfig config = PpoConfig.defaults();
        InspectableNetwork net = ActorCriticNet.create(states.observationSize(), 4, new int[] {64, 64},
                config.learningRate(), 0, 1, DataType.FLOAT).inspect();
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        long t0 = System.nanoTime();
        NeuronAblation ablation = new NeuronAblation(atlas, config.gamma(), 0);
        double setup = (System.nanoTime() - t0) / 1e9;
        int neurons = ablation.hiddenLayers().stream().mapToInt(s -> s.width()).sum();
        out.printf(Locale.ROOT, "lantern bench ablation: %s, %d states, untrained PPO MLP %d-64-64-(4+1) tanh, float, "
                + "%d neurons, OMP_NUM_THREADS=%s, %d interleaved repetitions, warm%n", env, states.size(),
                states.observationSize(), neurons, System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"),
                repetitions);
        out.printf(Locale.ROOT, "set-up (V* and V^pi at gamma %.3g, the clean outcome), once: %.3f s%n", config.gamma(),
                setup);
        out.printf(Locale.ROOT, "%-9s %22s %22s %10s%n", "kind", perPass + " per pass, CPU s", "1 per pass, CPU s",
                "speed-up");
        for (AblationKind kind : AblationKind.values()) {
            time(ablation, kind, perPass); // warm-up: JIT, buffers
            time(ablation, kind, 1);
            double[] batched = new double[repetitions];
            double[] single = new double[repetitions];
            double[] ratio = new double[repetitions];
            for (int r = 0; r < repetitions; r++) {
                batched[r] = time(ablation, kind, perPass);
                single[r] = time(ablation, kind, 1);
                ratio[r] = single[r] / batched[r];
            }
            out.printf(Locale.ROOT, "%-9s %22s %22s %9.2fx%n", kind.name().toLowerCase(Locale.ROOT),
                    range(batched), range(single), median(ratio));
        }
        out.flush();
        return 0;
    }

    /** CPU seconds of this thread (ND4J runs its ops on the calling thread with one OMP thread): robust to load. */
    private static double time(NeuronAblation ablation, AblationKind kind, int perPass) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        int rows = ablation.table(kind, perPass).size();
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        if (rows == 0) {
            throw new IllegalStateException("no neuron ablated");
        }
        return seconds;
    }

    /** "median (min - max)". */
    private static String range(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", median(s), s[0], s[s.length - 1]);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
