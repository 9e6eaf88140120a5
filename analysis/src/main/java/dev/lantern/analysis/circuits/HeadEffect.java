package dev.lantern.analysis.circuits;

/**
 * An intervention's effect whose change to the heads over the decision states is a {@link HeadChange}
 * ({@link AblationEffect}, {@link SteeringEffect}): its parts, read directly.
 */
public interface HeadEffect {

    /** What the intervention changes in the heads over the decision states. */
    HeadChange change();

    /** Mean {@code KL(pi || pi_intervened)} of the softmax policy, in nats; NaN for a Q-network. */
    default double policyKl() {
        return change().policyKl();
    }

    /** The fraction of decision states whose greedy action (lowest index among ties) changes. */
    default double greedyChanged() {
        return change().greedyChanged();
    }

    /** Mean {@code |V_intervened - V|}: the value head, or {@code max_a Q} for a Q-network. */
    default double meanAbsValue() {
        return change().meanAbsValue();
    }

    /** The state numbers whose greedy action changes, ascending. */
    default int[] changedStates() {
        return change().changedStates();
    }
}
