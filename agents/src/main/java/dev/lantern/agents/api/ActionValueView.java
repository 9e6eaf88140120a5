package dev.lantern.agents.api;

/**
 * A {@link PolicyValueView} of an agent that learns action values Q(s, a) (DQN and its kin): the policy it reports is
 * greedy in Q, its value the largest Q, and every greedy {@link Decision} carries the Q-values.
 */
public interface ActionValueView extends PolicyValueView {

    /**
     * Q-values for {@code count} observations laid out back to back.
     *
     * @param observations {@code [count * inputSize]}
     * @param count        number of observations
     * @param qValues      out, {@code [count * actionCount]} row-major
     */
    void actionValues(float[] observations, int count, double[] qValues);

    /**
     * {@inheritDoc} The policy greedy in Q (probability 1 on the best action, ties to the lowest index) and the value
     * {@code max_a Q(s, a)}.
     */
    @Override
    default void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
        double[] q = new double[count * actionCount()];
        actionValues(observations, count, q);
        greedy(q, count, actionCount(), probabilities, values);
    }

    /**
     * The policy greedy in {@code q} ({@code [count * actions]} row-major; probability 1 on the best action, ties to the
     * lowest index) into {@code probabilities}, and {@code max_a Q} into {@code values}.
     */
    static void greedy(double[] q, int count, int actions, double[] probabilities, double[] values) {
        java.util.Arrays.fill(probabilities, 0, count * actions, 0.0);
        for (int i = 0; i < count; i++) {
            int best = 0;
            for (int a = 1; a < actions; a++) {
                if (q[i * actions + a] > q[i * actions + best]) {
                    best = a;
                }
            }
            probabilities[i * actions + best] = 1;
            values[i] = q[i * actions + best];
        }
    }

    /** The greedy decision with its Q-values (ties go to the lowest action index). */
    @Override
    default Decision decideGreedy(float[] observation) {
        double[] q = new double[actionCount()];
        actionValues(observation, 1, q);
        int best = 0;
        for (int a = 1; a < q.length; a++) {
            if (q[a] > q[best]) {
                best = a;
            }
        }
        double[] p = new double[q.length];
        p[best] = 1;
        return new Decision(best, p, q[best], q);
    }
}
