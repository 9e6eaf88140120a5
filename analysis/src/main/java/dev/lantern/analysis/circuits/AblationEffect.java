package dev.lantern.analysis.circuits;

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
 * @param change          what the ablation changes in the heads over the decision states (policy KL, greedy
 *                        actions changed and the changed states, mean {@code |dV|})
 * @param outcome         the value head's error against V* and V^pi and the greedy outcome, clean and ablated
 */
public record AblationEffect(String site, int neuron, AblationKind kind, double replacement, HeadChange change,
        AblationOutcome outcome) implements HeadEffect {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[%d] %s -> %.6g: KL %.6g, greedy changed %.4f, |dV| %.6g, "
                + "d|V-V*| %.4g, d|V-V^pi| %.4g, d return %.4g, d success %.4g", site, neuron, kind, replacement,
                policyKl(), greedyChanged(), meanAbsValue(), outcome.errorStarChange(), outcome.errorPiChange(),
                outcome.returnChange(), outcome.successChange());
    }
}
