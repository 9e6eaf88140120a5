package dev.lantern.analysis.circuits;

import java.util.Locale;

/**
 * What adding a {@link SteeringVector} times a coefficient at its site does over the whole state space (issue 10,
 * point 7): means over the decision states against the clean pass, and the steered network's greedy outcome from the
 * start (return, success, hidden performance and the path, {@link GreedyOutcome}). Exact for the network.
 *
 * @param site           the steered site
 * @param description    the steering vector's two sets
 * @param coefficient    the multiple of the direction added
 * @param change         what the steering changes in the heads over the decision states (policy KL, greedy actions
 *                       changed and the changed states, mean {@code |dV|})
 * @param outcome        the steered network's greedy outcome from the start
 */
public record SteeringEffect(String site, String description, double coefficient, HeadChange change,
        GreedyOutcome outcome) implements HeadEffect {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s + %.3g x (%s): KL %.4g, greedy changed %.4f, |dV| %.4g, return %.4f, "
                + "success %.4f", site, coefficient, description, policyKl(), greedyChanged(), meanAbsValue(),
                outcome.expectedReturn(), outcome.success());
    }
}
