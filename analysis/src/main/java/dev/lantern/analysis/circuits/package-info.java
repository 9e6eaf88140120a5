/**
 * Policy and value circuits over the whole state space (issue 10): a grid world's every state observed as the agent
 * sees it ({@link dev.lantern.analysis.circuits.StateBatch}), every site's activations over it recorded in one pass
 * with dead and saturated neurons counted per layer ({@link dev.lantern.analysis.circuits.ActivationAtlas}),
 * single neurons ablated ({@link dev.lantern.analysis.circuits.NeuronAblation}), clean activations patched into
 * paired corrupted states ({@link dev.lantern.analysis.circuits.ActivationPatching}), the circuit graph of a decision
 * ({@link dev.lantern.analysis.circuits.CircuitGraph}) and every neuron described automatically
 * ({@link dev.lantern.analysis.circuits.NeuronDescriber}). Everything
 * here reads a snapshot's private copy through the inspection seam ({@link dev.lantern.agents.api.InspectableNetwork})
 * and never the network being trained; learners are reached only through {@code agents.api} (an ArchUnit rule).
 */
package dev.lantern.analysis.circuits;
