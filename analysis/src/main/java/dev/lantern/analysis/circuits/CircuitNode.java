package dev.lantern.analysis.circuits;

/**
 * A node of a {@link CircuitGraph}: an input node (a grid cell, its one-hot planes summed; a cell of the egocentric
 * window; a symbolic feature), a hidden neuron, or the chosen output.
 *
 * @param layer      the column: 0 for the input, then one per layer of the chain, the head last
 * @param site       {@code obs}, the layer's site ({@code torso.dense0}) or the head ({@code policy.logits})
 * @param index      the cell ({@code row width + col}), window cell or feature for the input; the neuron otherwise
 * @param label      for the input, {@code (r,c)}, {@code view (dr,dc)} or the feature's name; {@code #j} otherwise
 * @param activation the node's value (an input node: the sum of its features); in a global graph, its mean over
 *                   the states
 * @param bias       the neuron's bias; 0 for input nodes
 */
public record CircuitNode(int layer, String site, int index, String label, double activation, double bias) {

    /** {@code site #index}, or {@code obs (r,c)} for an input node. */
    public String name() {
        return layer == 0 ? site + " " + label : site + " #" + index;
    }
}
