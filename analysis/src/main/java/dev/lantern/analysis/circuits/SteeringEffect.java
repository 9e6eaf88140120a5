package dev.lantern.analysis.circuits;

import java.util.Arrays;
import java.util.Locale;

/**
 * What adding a {@link SteeringVector} times a coefficient at its site does over the whole state space (issue 10,
 * point 7): means over the decision states against the clean pass, and the steered network's greedy outcome from the
 * start (return, success, hidden performance and the path, {@link GreedyOutcome}). Exact for the network.
 *
 * @param site           the steered site
 * @param description    the steering vector's two sets
 * @param coefficient    the multiple of the direction added
 * @param policyKl       mean {@code KL(pi || pi_steered)} of the softmax policy, in nats; NaN for a Q-network
 * @param greedyChanged  the fraction of decision states whose greedy action (lowest index among ties) changes
 * @param meanAbsValue   mean {@code |V_steered - V|} (the value head, or {@code max_a Q})
 * @param outcome        the steered network's greedy outcome from the start
 * @param changedStates  the state numbers whose greedy action changes, ascending
 */
public record SteeringEffect(String site, String description, double coefficient, double policyKl,
        double greedyChanged, double meanAbsValue, GreedyOutcome outcome, int[] changedStates) {

    public SteeringEffect {
        changedStates = changedStates.clone();
    }

    @Override
    public int[] changedStates() {
        return changedStates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SteeringEffect e && site.equals(e.site) && description.equals(e.description)
                && Double.compare(coefficient, e.coefficient) == 0 && Double.compare(policyKl, e.policyKl) == 0
                && Double.compare(greedyChanged, e.greedyChanged) == 0
                && Double.compare(meanAbsValue, e.meanAbsValue) == 0 && outcome.equals(e.outcome)
                && Arrays.equals(changedStates, e.changedStates);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * site.hashCode() + Double.hashCode(coefficient)) + Arrays.hashCode(changedStates);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s + %.3g x (%s): KL %.4g, greedy changed %.4f, |dV| %.4g, return %.4f, "
                + "success %.4f", site, coefficient, description, policyKl, greedyChanged, meanAbsValue,
                outcome.expectedReturn(), outcome.success());
    }
}
