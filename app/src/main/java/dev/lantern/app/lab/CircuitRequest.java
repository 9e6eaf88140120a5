package dev.lantern.app.lab;

import dev.lantern.environments.grid.GridState;

/**
 * What the circuit view asks its {@link CircuitAnalyst} for beyond the snapshot itself: the hovered state's
 * attribution and the selected neuron, ablated or not. Immutable; a new request replaces the old one.
 *
 * @param hovered the hovered state (the agent at the hovered cell with the view's keys), or null
 * @param target  what the attribution explains: {@link #VALUE}, or an action's logit (a Q-network: its Q-value)
 * @param neuron  the selected neuron, or null
 * @param ablate  whether the selected neuron is ablated (mean over the decision states) in the grid's policy
 * @param baseline what the attribution compares the state with
 */
public record CircuitRequest(GridState hovered, int target, Neuron neuron, boolean ablate, Baseline baseline) {

    /** The baseline of integrated gradients ({@link dev.lantern.analysis.attribution.Baselines}). */
    public enum Baseline {
        /** The same map without the agent: all of the difference is the agent's cell. */
        WITHOUT_AGENT("the map without the agent"),
        /** The map's walls only, floor everywhere else. */
        EMPTY_MAP("the empty map"),
        /** All zeros. */
        ZEROS("zeros");

        private final String description;

        Baseline(String description) {
            this.description = description;
        }

        /** How the attribution line names it. */
        public String description() {
            return description;
        }
    }

    /** {@link #target} for the value head (a Q-network: the greedy Q-value). */
    public static final int VALUE = -1;

    /** Nothing hovered, nothing selected, the value explained. */
    public static final CircuitRequest NONE = new CircuitRequest(null, VALUE, null, false, Baseline.WITHOUT_AGENT);

    /**
     * A neuron of a layer.
     *
     * @param site  the layer's site name
     * @param index the neuron's index in it
     */
    public record Neuron(String site, int index) {

        @Override
        public String toString() {
            return site + " #" + index;
        }
    }

    /** This request with another hovered state. */
    public CircuitRequest withHovered(GridState s) {
        return new CircuitRequest(s, target, neuron, ablate, baseline);
    }

    /** This request with another attribution target. */
    public CircuitRequest withTarget(int t) {
        return new CircuitRequest(hovered, t, neuron, ablate, baseline);
    }

    /** This request with another attribution baseline. */
    public CircuitRequest withBaseline(Baseline b) {
        return new CircuitRequest(hovered, target, neuron, ablate, b);
    }

    /** This request with another selected neuron (null: none) and ablation switch. */
    public CircuitRequest withNeuron(Neuron n, boolean ablated) {
        return new CircuitRequest(hovered, target, n, n != null && ablated, baseline);
    }
}
