package dev.lantern.environments.grid.solve;

import dev.lantern.environments.grid.GridState;

/** A stochastic policy over grid states, for exact evaluation ({@link PolicyEvaluation}). */
@FunctionalInterface
public interface GridPolicy {

    /**
     * Writes the probability of each action (0 up, 1 down, 2 right, 3 left) in state {@code s} into {@code out};
     * they must be finite, non-negative and sum to 1.
     */
    void probabilities(GridState s, double[] out);
}
