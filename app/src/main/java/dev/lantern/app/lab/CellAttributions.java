package dev.lantern.app.lab;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.attribution.Attribution;
import dev.lantern.analysis.attribution.AttributedOutput;
import dev.lantern.analysis.attribution.Attributor;
import dev.lantern.analysis.attribution.Baselines;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import java.util.List;

/**
 * Integrated gradients for the grid's attribution overlay ({@link Attributor}, {@value Attributor#DEFAULT_STEPS}
 * steps, from a {@link CircuitRequest.Baseline}: by default the same map without the agent), summed over the one-hot planes to one
 * value per cell. Only the one-hot observation maps onto the cells; for the others the answer says so.
 */
final class CellAttributions {

    private static final String[] MOVES = {"up", "down", "right", "left"};

    private CellAttributions() {
    }

    /** The label of {@code target} on {@code net}: {@code V} (or {@code max Q}), or an action's logit or Q-value. */
    static String targetName(InspectableNetwork net, int target) {
        boolean q = isQ(net);
        if (target == CircuitRequest.VALUE) {
            return q ? "max Q" : "V";
        }
        String move = target < MOVES.length ? MOVES[target] : "action " + target;
        return q ? "Q " + move : "logit " + move;
    }

    /** The attribution of {@code target} in {@code state}. */
    static CellAttribution of(InspectableNetwork net, StateBatch states, GridState state, int target,
            CircuitRequest.Baseline baseline) {
        String name = targetName(net, target);
        GridObservation obs = states.world().observation();
        if (obs.kind() != GridObservation.Kind.ONE_HOT) {
            return CellAttribution.undefined(state, name, baseline, "the " + obs.kind() + " observation is not one plane per cell");
        }
        int s = states.space().indexOf(state);
        if (s < 0) {
            return CellAttribution.undefined(state, name, baseline, "no such state in the map's state space");
        }
        if (states.space().terminal(s)) {
            return CellAttribution.undefined(state, name, baseline, "a terminal state: the agent does not act there");
        }
        double[] x = states.observation(s);
        int cells = states.world().map().height() * states.world().map().width();
        int channels = x.length / cells;
        Readout readout = readout(net, state, states, target);
        double[] b = switch (baseline) {
            case WITHOUT_AGENT -> Baselines.withoutAgent(x, channels);
            case EMPTY_MAP -> Baselines.emptyMap(x, channels);
            case ZEROS -> Baselines.zeros(x.length);
        };
        Attribution ig = new Attributor(net).integratedGradients(x, b, AttributedOutput.of(readout),
                Attributor.DEFAULT_STEPS);
        return new CellAttribution(state, name, baseline, Attributor.perCell(ig.values(), channels), ig.outputValue(),
                ig.baselineValue(), ig.completenessError(), null);
    }

    private static boolean isQ(InspectableNetwork net) {
        return net.heads().stream().map(Site::name).toList().equals(List.of(NeuronAblation.Q));
    }

    /** The readout of {@code target}; for a Q-network's value, the Q of the greedy action in {@code state}. */
    private static Readout readout(InspectableNetwork net, GridState state, StateBatch states, int target) {
        if (!isQ(net)) {
            return target == CircuitRequest.VALUE ? new Readout(NeuronAblation.VALUE, 0)
                    : new Readout(NeuronAblation.POLICY, target);
        }
        if (target != CircuitRequest.VALUE) {
            return new Readout(NeuronAblation.Q, target);
        }
        double[] x = states.observation(states.space().indexOf(state));
        double[] qs = net.run(x, 1, List.of(NeuronAblation.Q), List.of()).get(NeuronAblation.Q).row(0);
        return new Readout(NeuronAblation.Q, AblatedPolicy.argmax(qs));
    }
}
