package dev.lantern.agents.api;

/**
 * One scalar output per example whose gradient is taken: neuron {@code neuron} of site {@code site} (one logit, the
 * value, one Q-value, or any hidden neuron).
 *
 * @param site   the site name
 * @param neuron the neuron index in {@code [0, width)}
 */
public record Readout(String site, int neuron) {
}
