package dev.lantern.analysis.circuits;

import java.util.Arrays;
import java.util.List;

/**
 * The automatic description of one hidden neuron (issue 10, point 6), made by {@link NeuronDescriber}: the concept
 * its activation correlates with most over the decision states, the states it is most active on, and what ablating
 * it does.
 *
 * @param site        the layer ({@code torso.dense1})
 * @param neuron      the neuron
 * @param dead        true if {@code |a| < 1e-3} on every state ({@link NeuronHealth})
 * @param concept     the best-correlated concept's name, or null (no concept varies, or the neuron is constant)
 * @param r           its Pearson correlation with that concept over the decision states, signed; NaN without one
 * @param topStates   the decision states of largest activation, largest first (state numbers)
 * @param topLabels   each as its cell and holdings: {@code (3,5) with key}
 * @param topValues   their activations
 * @param ablation    the neuron's ablation effect, or null if none was given
 * @param text        one line for people: {@code torso.dense1 #7: tracks agent column (r = 0.93); strongest on
 *                    (3,5) with key; mean ablation flips 12% of greedy actions}
 */
public record NeuronDescription(String site, int neuron, boolean dead, String concept, double r, int[] topStates,
        List<String> topLabels, double[] topValues, AblationEffect ablation, String text) {

    public NeuronDescription {
        topStates = topStates.clone();
        topLabels = List.copyOf(topLabels);
        topValues = topValues.clone();
    }

    /** The top states (a copy). */
    @Override
    public int[] topStates() {
        return topStates.clone();
    }

    /** Their activations (a copy). */
    @Override
    public double[] topValues() {
        return topValues.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeuronDescription d && site.equals(d.site) && neuron == d.neuron && text.equals(d.text)
                && Arrays.equals(topStates, d.topStates) && Arrays.equals(topValues, d.topValues)
                && Double.compare(r, d.r) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * site.hashCode() + neuron) + text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
