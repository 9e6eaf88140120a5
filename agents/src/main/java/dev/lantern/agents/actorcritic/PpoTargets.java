package dev.lantern.agents.actorcritic;

/**
 * The fixed targets of a batch of samples: what the loss compares the network's outputs with. Arrays are
 * {@code [B]} and indexed like the batch's observations.
 *
 * @param actions     actions taken
 * @param oldLogProbs log-probability of each action under the behaviour policy that collected it
 * @param advantages  advantage estimates (GAE), normalized or not as the caller decides
 * @param returns     value targets (advantage + value estimate at collection time)
 */
public record PpoTargets(int[] actions, double[] oldLogProbs, double[] advantages, double[] returns) {

    public PpoTargets {
        int n = actions.length;
        if (oldLogProbs.length != n || advantages.length != n || returns.length != n) {
            throw new IllegalArgumentException("target arrays differ in length: actions " + n + ", oldLogProbs "
                    + oldLogProbs.length + ", advantages " + advantages.length + ", returns " + returns.length);
        }
    }

    /** Number of samples B. */
    public int size() {
        return actions.length;
    }
}
