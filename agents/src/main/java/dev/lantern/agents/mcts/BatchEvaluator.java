package dev.lantern.agents.mcts;

import java.util.List;

/**
 * Judges many leaves at once, for searches run in lockstep ({@link LockstepPuct}): one call, typically one network
 * forward pass on a {@code [count, features]} batch, gives the priors and values of every leaf.
 *
 * @param <S> the state type of the {@link SearchProblem}
 */
public interface BatchEvaluator<S> {

    /**
     * Evaluates {@code states.size()} non-terminal leaves.
     *
     * @param problem        the domain
     * @param states         the leaves, none terminal, {@code count >= 1}
     * @param legal          {@code legal[i][0..legalCounts[i])}: the legal actions of leaf {@code i}, ascending; do not
     *                       change
     * @param legalCounts    number of legal actions per leaf, each {@code >= 1}
     * @param priors         output: {@code priors[i][j]} is the prior of {@code legal[i][j]}, summing to 1 per leaf
     * @param values         output: {@code values[i]} is the value of leaf {@code i} for its player to move
     * @param remainingSteps steps left before the search horizon, per leaf, each {@code >= 1}
     */
    void evaluateBatch(SearchProblem<S> problem, List<S> states, int[][] legal, int[] legalCounts, double[][] priors,
            double[] values, int[] remainingSteps);

    /** A batch evaluator that asks {@code evaluator} about each leaf in turn, in batch order. */
    static <S> BatchEvaluator<S> oneByOne(Evaluator<S> evaluator) {
        return (problem, states, legal, legalCounts, priors, values, remainingSteps) -> {
            for (int i = 0; i < states.size(); i++) {
                values[i] = evaluator.evaluate(problem, states.get(i), legal[i], legalCounts[i], priors[i],
                        remainingSteps[i]);
            }
        };
    }
}
