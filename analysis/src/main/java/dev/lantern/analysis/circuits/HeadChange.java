package dev.lantern.analysis.circuits;

import java.util.Arrays;

/**
 * What an intervention (an ablation, a steering vector) changes in a network's heads over the decision states
 * ({@link StateBatch#decisionStates()}), against the clean pass: the part {@link AblationEffect} and
 * {@link SteeringEffect} share. Exact for the network; computed in double from its own outputs.
 *
 * @param policyKl      mean {@code KL(pi || pi_intervened)} of the softmax policy, in nats; NaN for a Q-network
 * @param greedyChanged the fraction of decision states whose greedy action (lowest index among ties) changes
 * @param meanAbsValue  mean {@code |V_intervened - V|}: the value head, or {@code max_a Q} for a Q-network
 * @param changedStates the state numbers whose greedy action changes, ascending
 */
public record HeadChange(double policyKl, double greedyChanged, double meanAbsValue, int[] changedStates) {

    public HeadChange {
        changedStates = changedStates.clone();
    }

    @Override
    public int[] changedStates() {
        return changedStates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeadChange c && Double.compare(policyKl, c.policyKl) == 0
                && Double.compare(greedyChanged, c.greedyChanged) == 0
                && Double.compare(meanAbsValue, c.meanAbsValue) == 0 && Arrays.equals(changedStates, c.changedStates);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(meanAbsValue) + Arrays.hashCode(changedStates);
    }
}
