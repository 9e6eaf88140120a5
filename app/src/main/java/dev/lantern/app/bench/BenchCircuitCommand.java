package dev.lantern.app.bench;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.CircuitGraph;
import dev.lantern.analysis.circuits.CircuitTracer;
import dev.lantern.analysis.circuits.EdgeWeighting;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench circuit}: how long one circuit graph ({@link CircuitGraph}, pruned at 80%) takes for a
 * freshly initialised 64-64 float actor-critic on one thread: one decision from an observation (one forward pass,
 * what a lab frame needs), the same read from an atlas, with gradient weighting (one more backward pass), both again
 * through a {@link CircuitTracer} that reads the weights once, and the global greedy graph over every decision state. Each is timed after a warm-up of the same length.
 */
@Command(name = "circuit", description = "Milliseconds per circuit graph of a 64-64 network, one thread.")
final class BenchCircuitCommand extends LanternCommand {

    @Option(names = "--env", paramLabel = "ID", description = "grid environment (default: grid/four-rooms-v1)")
    private String env = "grid/four-rooms-v1";

    @Option(names = "--seconds", paramLabel = "S", description = "seconds per measurement (default: 2)")
    private double seconds = 2;

    @Override
    protected int execute() {
        new BenchArguments()
                .gridEnvironment(env)
                .rejectWithSeconds(seconds);
        GridWorld world = EnvRegistry.make(env);
        StateBatch states = StateBatch.of(world);
        InspectableNetwork net = ActorCriticNet.create(states.observationSize(), 4, new int[] {64, 64}, 3e-4, 0, 1,
                DataType.FLOAT).inspect();
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        Readout right = new Readout("policy.logits", GridWorld.ACTION_RIGHT);
        double share = CircuitGraph.DEFAULT_SHARE;
        int n = states.size();
        PrintWriter out = out();
        out.printf(Locale.ROOT, "lantern bench circuit: %s, %d states, 64-64 float actor-critic, share %.0f%%, one "
                + "thread, %.1f s each%n", env, n, 100 * share, seconds);
        int[] next = {0};
        IntSupplier state = () -> next[0]++ % n;
        row(out, "decision from an observation (run + graph)", () -> CircuitGraph.decision(net, world,
                states.observation(state.getAsInt()), right, share, EdgeWeighting.DIRECT).edges().size());
        row(out, "decision from the atlas", () -> CircuitGraph.decision(atlas, state.getAsInt(), right, share)
                .edges().size());
        row(out, "decision from an observation, gradient weighting", () -> CircuitGraph.decision(net, world,
                states.observation(state.getAsInt()), right, share, EdgeWeighting.GRADIENT).edges().size());
        CircuitTracer tracer = new CircuitTracer(net, world, "policy.logits");
        row(out, "tracer (weights read once): from an observation", () -> tracer.decision(
                states.observation(state.getAsInt()), GridWorld.ACTION_RIGHT, share, EdgeWeighting.DIRECT).edges()
                .size());
        row(out, "tracer (weights read once): from the atlas", () -> tracer.decision(atlas, state.getAsInt(),
                GridWorld.ACTION_RIGHT, share, EdgeWeighting.DIRECT).edges().size());
        row(out, "global greedy over every decision state", () -> CircuitGraph.globalGreedy(atlas, "policy.logits",
                share, EdgeWeighting.DIRECT).edges().size());
        out.flush();
        return 0;
    }

    private void row(PrintWriter out, String what, IntSupplier graph) {
        long nanos = (long) (seconds * 1e9);
        Timed.repeat(nanos, () -> graph.getAsInt() >= 0 ? 1 : 0); // warm-up
        Timed t = Timed.repeat(nanos, () -> graph.getAsInt() >= 0 ? 1 : 0);
        out.printf(Locale.ROOT, "%-52s %9.3f ms per graph (%d graphs)%n", what, 1e3 * t.seconds() / t.count(),
                t.count());
        out.flush();
    }
}
