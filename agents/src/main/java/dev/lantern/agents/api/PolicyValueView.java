package dev.lantern.agents.api;

/**
 * A read-only, thread-confined view of a policy-value network at one moment: evaluates batches of observations.
 * The lab and the evaluator use snapshots of this kind; they never touch the network being trained.
 */
public interface PolicyValueView {

    /** Number of actions. */
    int actionCount();

    /** Features per observation. */
    int inputSize();

    /**
     * Evaluates {@code count} observations laid out back to back in {@code observations}.
     *
     * @param observations  {@code [count * inputSize]}
     * @param count         number of observations
     * @param probabilities out, {@code [count * actionCount]} row-major
     * @param values        out, {@code [count]}
     */
    void evaluate(float[] observations, int count, double[] probabilities, double[] values);

    /**
     * {@link #evaluate} for a display (the lab's frames, 40 a second): the same answer up to floating-point rounding (a
     * few units in the last place of the network's type), by whatever path is fastest. Not for anything that must be
     * reproduced bit for bit (evaluations, analyses). Default: {@link #evaluate}.
     */
    default void evaluateForDisplay(float[] observations, int count, double[] probabilities, double[] values) {
        evaluate(observations, count, probabilities, values);
    }

    /**
     * Whether {@link #evaluate}'s answer for an observation is a function of that observation alone (a frozen network:
     * not of earlier calls, a random draw or a search's budget), up to the rounding of batched products. Then a caller
     * may keep the answer for an observation it has seen (the greedy evaluator does). Default: false.
     */
    default boolean answersByObservation() {
        return false;
    }

    /** The greedy decision for one observation (ties go to the lowest action index). */
    default Decision decideGreedy(float[] observation) {
        double[] p = new double[actionCount()];
        double[] v = new double[1];
        evaluate(observation, 1, p, v);
        int best = 0;
        for (int a = 1; a < p.length; a++) {
            if (p[a] > p[best]) {
                best = a;
            }
        }
        return new Decision(best, p, v[0]);
    }
}
