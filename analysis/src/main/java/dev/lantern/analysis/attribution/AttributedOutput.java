package dev.lantern.analysis.attribution;

import dev.lantern.agents.api.Readout;

/**
 * The scalar that is attributed: a neuron read through the seam ({@link Readout}: an action's logit, the value, a
 * Q-value, any hidden neuron), or the softmax probability of one neuron of a logits site (an action's probability).
 *
 * @param readout     the neuron; for a probability, the action's logit in its logits site
 * @param probability {@code true}: the softmax over the readout's whole site, taken at the readout's neuron
 */
public record AttributedOutput(Readout readout, boolean probability) {

    public AttributedOutput {
        if (readout == null) {
            throw new IllegalArgumentException("an attributed output needs a readout, got null");
        }
    }

    /** The neuron itself (a logit, the value, a Q-value). */
    public static AttributedOutput of(Readout readout) {
        return new AttributedOutput(readout, false);
    }

    /** The softmax probability of neuron {@code action} of the logits site {@code logitsSite}. */
    public static AttributedOutput probability(String logitsSite, int action) {
        return new AttributedOutput(new Readout(logitsSite, action), true);
    }

    @Override
    public String toString() {
        return (probability ? "softmax(" + readout.site() + ")" : readout.site()) + "[" + readout.neuron() + "]";
    }
}
