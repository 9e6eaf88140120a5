package dev.lantern.app.lab;

import dev.lantern.agents.api.Activations;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.environments.grid.GridState;
import java.util.List;
import java.util.Map;

/**
 * What the circuit view draws from one snapshot, made off the FX thread by the {@link CircuitAnalyst}: the activations
 * of every layer over every state (from an {@link dev.lantern.analysis.circuits.ActivationAtlas}), the weights as
 * {@link Contributions}, the probe scores so far, and the answers to the view's current {@link CircuitRequest} (the
 * policy with a neuron ablated, the attribution of the hovered cell). Immutable: nothing here is a live network.
 *
 * @param policy        the snapshot's policy and value over the drawn states (the lab's own frame of it)
 * @param states        every state of the map, as the atlas was recorded over (state {@code i} at example {@code i})
 * @param activations   every layer and head over every state, by site name
 * @param hidden        the hidden layers, in pass order
 * @param heads         the heads, in the network's output order
 * @param contributions the weights, for the edges
 * @param probes        the what-when-where scores of the last snapshots
 * @param ablated       the policy with the requested neuron ablated, or null when none is
 * @param attribution   the attribution of the requested cell, or null when none is requested
 * @param frozen        whether the snapshot is frozen (the analyst takes no newer one)
 */
public record CircuitFrame(PolicyFrame policy, StateBatch states, Map<String, Activations> activations,
        List<String> hidden, List<String> heads, Contributions contributions, ProbeHistory probes, Ablated ablated,
        CellAttribution attribution, boolean frozen) {

    /**
     * The lab's policy frame with one neuron mean-ablated.
     *
     * @param neuron the ablated neuron
     * @param policy the policy and value over the drawn states with it ablated
     */
    public record Ablated(CircuitRequest.Neuron neuron, PolicyFrame policy) {
    }

    public CircuitFrame {
        activations = Map.copyOf(activations);
        hidden = List.copyOf(hidden);
        heads = List.copyOf(heads);
    }

    /** The columns drawn, left to right: the hidden layers, then the heads. */
    public List<String> columns() {
        return java.util.stream.Stream.concat(hidden.stream(), heads.stream()).toList();
    }

    /** The state number of (row, col, keys mask) with no extras (or the start's extras), -1 if there is none. */
    public int stateIndex(int row, int col, int keysMask) {
        return stateIndex(states, row, col, keysMask);
    }

    /** {@link #stateIndex(int, int, int)} in {@code states}. */
    static int stateIndex(StateBatch states, int row, int col, int keysMask) {
        int i = states.space().indexOf(new GridState(row, col, keysMask));
        return i >= 0 ? i : states.space().indexOf(new GridState(row, col, keysMask, states.space().startExtras()));
    }

    /** Neurons at {@code site}. */
    public int width(String site) {
        return site(site).site().width();
    }

    /** Neuron {@code neuron} of {@code site} in state {@code state}. */
    public double activation(String site, int neuron, int state) {
        return site(site).get(state, neuron);
    }

    /** The activations of {@code site} in state {@code state}, {@code [width]}. */
    public double[] activations(String site, int state) {
        return site(site).row(state);
    }

    /** The largest |activation| of {@code site} over every state (at least 1e-12): the colour scale of its column. */
    public double scale(String site) {
        double m = 1e-12;
        for (double v : site(site).values()) {
            if (Double.isFinite(v)) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /** The recorded activations of {@code site}. */
    public Activations site(String site) {
        Activations a = activations.get(site);
        if (a == null) {
            throw new IllegalArgumentException("no layer " + site + " in the circuit (layers: " + columns() + ")");
        }
        return a;
    }
}
