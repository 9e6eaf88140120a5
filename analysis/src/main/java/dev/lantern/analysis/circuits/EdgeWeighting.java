package dev.lantern.analysis.circuits;

/**
 * What a {@link CircuitGraph}'s edge from neuron {@code i} of one layer to neuron {@code j} of the next weighs, with
 * {@code a_i} the source's activation (an input feature's value; the input nodes of a one-hot observation sum their
 * cell's planes), {@code W_ij} the weight and {@code F} the chosen output.
 */
public enum EdgeWeighting {

    /**
     * {@code a_i W_ij}, the source's direct contribution to the target's pre-activation: the edges into a neuron sum
     * to its pre-activation minus its bias.
     */
    DIRECT,

    /**
     * {@code a_i W_ij dF/dz_j} (gradient x activation on the edge: the direct contribution times the output's
     * gradient with respect to the target's pre-activation {@code z_j}; 1 at the output itself): the edges into a
     * neuron sum to {@code (z_j - b_j) dF/dz_j}, a first-order estimate of how much of the output passes through
     * that neuron's weighted inputs. An edge into a neuron the output barely depends on weighs little.
     */
    GRADIENT
}
