package dev.lantern.app.bench;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.ActivationPatching;
import dev.lantern.analysis.circuits.PatchSweep;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.analysis.circuits.StatePairs;
import dev.lantern.analysis.circuits.SweepOutput;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench patching}: seconds for the full activation-patching sweep ({@link PatchSweep}: every site
 * whole, every neuron of every hidden layer alone, the value and the clean greedy logit read) of a 64-64 actor-critic
 * network (float, random initialisation: the cost does not depend on the weights) on one-hot four-rooms, over the
 * moved-one-cell-right pairs, warm (after {@code --warmup} sweeps), on one thread: at the default
 * {@link PatchSweep#DEFAULT_ROWS_PER_PASS} examples per pass, at 4096, and one neuron per pass, measured in one run.
 */
@Command(name = "patching", description = "Seconds for the full patching sweep of a 64-64 net on four-rooms, warm.")
final class BenchPatchingCommand extends LanternCommand {

    @Option(names = "--env", paramLabel = "ID", description = "grid environment (default: grid/four-rooms-v1)")
    private String env = "grid/four-rooms-v1";

    @Option(names = "--repetitions", paramLabel = "N", description = "timed sweeps per setting (default: 5)")
    private int repetitions = 5;

    @Option(names = "--warmup", paramLabel = "N", description = "untimed sweeps first (default: 3)")
    private int warmup = 3;

    @Override
    protected int execute() {
        new BenchArguments()
                .require(EnvRegistry.ids().contains(env) && env.startsWith("grid/"),
                        "--env: not a grid environment: '" + env + "'")
                .inRange("--repetitions", repetitions, 1, 1000)
                .inRange("--warmup", warmup, 0, 1000)
                .reject();
        PrintWriter out = out();
        StateBatch states = StateBatch.of(EnvRegistry.make(env));
        InspectableNetwork net = ActorCriticNet.create(states.observationSize(), 4, new int[] {64, 64}, 1e-3, 0, 1,
                DataType.FLOAT).inspect();
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        StatePairs pairs = StatePairs.movedOneCellRight(states);
        ActivationPatching patching = new ActivationPatching(atlas, pairs);
        List<SweepOutput> outputs = SweepOutput.defaults(net);
        out.printf(Locale.ROOT, "lantern bench patching: %s, %d states, %d-64-64-(4+1) tanh, float, %s, outputs %s, "
                + "one thread (OMP_NUM_THREADS=%s), %d warm-up + %d timed sweeps%n", env, states.size(),
                states.observationSize(), pairs, outputs.stream().map(SweepOutput::name).toList(),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"), warmup, repetitions);
        for (int rowsPerPass : new int[] {PatchSweep.DEFAULT_ROWS_PER_PASS, 4096, 1}) {
            PatchSweep sweep = new PatchSweep(patching, rowsPerPass);
            int rows = 0;
            for (int i = 0; i < warmup; i++) {
                rows = sweep.rows(outputs).size();
            }
            double best = Double.POSITIVE_INFINITY;
            double total = 0;
            for (int i = 0; i < repetitions; i++) {
                long t0 = System.nanoTime();
                rows = sweep.rows(outputs).size();
                double s = (System.nanoTime() - t0) / 1e9;
                best = Math.min(best, s);
                total += s;
            }
            out.printf(Locale.ROOT, "%2d neurons per pass: full sweep %.3f s (mean of %d), best %.3f s, %d rows%n",
                    sweep.neuronsPerPass(), total / repetitions, repetitions, best, rows);
            out.flush();
        }
        return 0;
    }
}
