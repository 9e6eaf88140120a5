package dev.lantern.analysis.dynamics;

/**
 * What {@link ModeConnectivity} measures at each point of a linear path between two networks, over every decision
 * state of a grid world ({@link FixedEvaluation}). Every metric is oriented so that lower is better, so a barrier
 * {@code sup_alpha E(alpha) - mean(E(0), E(1))} above 0 always means "worse in between".
 */
public enum ConnectivityMetric {

    /** The fixed loss of {@link FixedEvaluation}: cross-entropy against the optimal actions, or Q's squared error. */
    LOSS("loss"),
    /** {@code 1 - G / G*}: the greedy policy's exact expected return from the start against the exact optimum. */
    RETURN_ERROR("returnError"),
    /** {@code 1 - P(success)}: the probability that the greedy policy does not reach a goal within the time limit. */
    FAILURE("failure"),
    /** The fraction of decision states whose greedy action is not an optimal action (of {@code Q*}). */
    SUBOPTIMAL("suboptimal"),
    /**
     * {@code min(KL(pi_alpha || pi_A), KL(pi_alpha || pi_B))}, each the mean over decision states: how far the
     * interpolated softmax policy is from the nearer endpoint (0 at both ends). NaN for a Q-network (no softmax).
     */
    POLICY_KL("policyKl");

    private final String key;

    ConnectivityMetric(String key) {
        this.key = key;
    }

    /** The metric's name in {@code dynamics.json}. */
    public String key() {
        return key;
    }
}
