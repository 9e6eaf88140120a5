package dev.lantern.agents.mcts;

/**
 * Judges a leaf of the search: prior probabilities over its legal actions and a value for the player to move.
 *
 * @param <S> the state type of the {@link SearchProblem}
 */
public interface Evaluator<S> {

    /**
     * Evaluates the non-terminal {@code state}.
     *
     * @param problem        the domain
     * @param state          the leaf, not terminal
     * @param legal          its legal actions in {@code legal[0..legalCount)}, ascending; do not change
     * @param legalCount     number of legal actions, {@code >= 1}
     * @param priors         output: {@code priors[i]} is the prior of {@code legal[i]}, {@code >= 0}, summing to 1
     * @param remainingSteps steps left before the search horizon, {@code >= 1}
     * @return the value of {@code state} for the player to move (for games, in {@code [-1, 1]})
     */
    double evaluate(SearchProblem<S> problem, S state, int[] legal, int legalCount, double[] priors,
            int remainingSteps);
}
