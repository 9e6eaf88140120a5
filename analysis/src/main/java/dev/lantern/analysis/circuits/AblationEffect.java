package dev.lantern.analysis.circuits;

import java.util.Arrays;
import java.util.Locale;

/**
 * What replacing one neuron does to the heads over the whole state space (issue 10, point 3): means over the decision
 * states ({@link StateBatch#decisionStates()}), and the value error and greedy outcome from the start
 * ({@link AblationOutcome}). The numbers are exact for the network (no sampling, no approximation); they are computed
 * in double from the network's own outputs.
 *
 * @param site            the ablated site
 * @param neuron          the ablated neuron
 * @param kind            how it was replaced
 * @param replacement     the value it was replaced by (0, or its mean over the decision states); NaN for
 *                        {@link AblationKind#RESAMPLE}, whose value differs per state
 * @param policyKl        mean {@code KL(pi || pi_ablated)} of the softmax policy, in nats; NaN for a Q-network
 * @param greedyChanged   the fraction of decision states whose greedy action (lowest index among ties) changes
 * @param meanAbsValue    mean {@code |V_ablated - V|}: the value head, or {@code max_a Q} for a Q-network
 * @param outcome         the value head's error against V* and V^pi and the greedy outcome, clean and ablated
 * @param changedStates   the state numbers whose greedy action changes, ascending
 */
public record AblationEffect(String site, int neuron, AblationKind kind, double replacement, double policyKl,
        double greedyChanged, double meanAbsValue, AblationOutcome outcome, int[] changedStates) {

    public AblationEffect {
        changedStates = changedStates.clone();
    }

    @Override
    public int[] changedStates() {
        return changedStates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AblationEffect e && site.equals(e.site) && neuron == e.neuron && kind == e.kind
                && Double.compare(replacement, e.replacement) == 0 && Double.compare(policyKl, e.policyKl) == 0
                && Double.compare(greedyChanged, e.greedyChanged) == 0
                && Double.compare(meanAbsValue, e.meanAbsValue) == 0 && outcome.equals(e.outcome)
                && Arrays.equals(changedStates, e.changedStates);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * site.hashCode() + neuron) + kind.hashCode() + Arrays.hashCode(changedStates);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[%d] %s -> %.6g: KL %.6g, greedy changed %.4f, |dV| %.6g, "
                + "d|V-V*| %.4g, d|V-V^pi| %.4g, d return %.4g, d success %.4g", site, neuron, kind, replacement,
                policyKl, greedyChanged, meanAbsValue, outcome.errorStarChange(), outcome.errorPiChange(),
                outcome.returnChange(), outcome.successChange());
    }
}
