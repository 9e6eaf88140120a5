package dev.lantern.environments.grid.solve;

import dev.lantern.environments.grid.GridStateSpace;

/**
 * The exact values V^π and Q^π of one policy in a grid world, computed by {@link PolicyEvaluation}. Immutable.
 * Terminal states have value 0; with gamma 1, states from which no terminal state is reachable have {@code -Infinity};
 * asking about a state outside the state space is an IllegalArgumentException. {@link #converged()} false means the
 * sweep cap stopped the sweeps (with gamma 1, π may not end episodes).
 */
public final class PolicyValues extends StateValues {

    PolicyValues(GridStateSpace space, double gamma, double[] values, double[] q, Sweeps.Result sweeps) {
        super(space, gamma, values, q, sweeps, sweeps.status());
    }
}
