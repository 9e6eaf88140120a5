package dev.lantern.analysis.dynamics;

/**
 * How one hidden neuron's automatic description and mean-ablation effect changed between two checkpoints (a, then
 * b) of the same architecture ({@link NeuronDrift}).
 *
 * @param site              the layer ({@code torso.dense1})
 * @param neuron            the neuron
 * @param conceptA          the concept it correlates with most at a, or null (constant, or no concept varies)
 * @param rA                that Pearson r at a, signed; NaN without a concept
 * @param conceptB          the same at b
 * @param rB                the same at b
 * @param ablationKlA       mean policy KL of mean-ablating it at a, in nats; NaN for a Q-network
 * @param ablationKlB       the same at b
 * @param greedyChangedA    the fraction of decision states whose greedy action its mean ablation changes, at a
 * @param greedyChangedB    the same at b
 * @param effectChange      {@code |ablationKlB - ablationKlA|}, or for a Q-network
 *                          {@code |greedyChangedB - greedyChangedA|}
 * @param descriptionChange {@code 1 + max(|rA|, |rB|)} when the top concept changed (a neuron with a concept at only
 *                          one of the two counts as changed), else {@code |rB - rA|} (NaN r counts as 0): in [0, 2],
 *                          every changed concept above every unchanged one
 */
public record NeuronChange(String site, int neuron, String conceptA, double rA, String conceptB, double rB,
        double ablationKlA, double ablationKlB, double greedyChangedA, double greedyChangedB, double effectChange,
        double descriptionChange) {

    /** Whether the top concept differs between a and b. */
    public boolean conceptChanged() {
        return !java.util.Objects.equals(conceptA, conceptB);
    }
}
