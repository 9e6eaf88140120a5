/**
 * The exact solvers of a grid world: the ground truth a learned agent is compared with.
 *
 * <p>{@link dev.lantern.environments.grid.solve.FiniteHorizon} computes the optimal return shown everywhere
 * ({@link dev.lantern.environments.grid.solve.OptimalReturn}): the best expected undiscounted episode return within the
 * time limit, the quantity the agent's returns measure. Every result carries a
 * {@link dev.lantern.environments.grid.solve.SolveStatus} (exact, converged, not converged, unbounded, too large), and
 * long solves report to a {@link dev.lantern.environments.grid.solve.SolveProgress}.
 *
 * <p>{@link dev.lantern.environments.grid.solve.ValueIteration} computes the optimal values, Q values and greedy
 * policy ({@link dev.lantern.environments.grid.solve.GridSolution}, with the optimal return), and
 * {@link dev.lantern.environments.grid.solve.PolicyEvaluation} the exact values of any stochastic
 * {@link dev.lantern.environments.grid.solve.GridPolicy} ({@link dev.lantern.environments.grid.solve.PolicyValues});
 * both are {@link dev.lantern.environments.grid.solve.StateValues} over the world's whole state space
 * ({@code GridStateSpace}), swept the same way. {@link dev.lantern.environments.grid.solve.PolicyRollout} is where
 * "the return a policy obtains" is defined. Depends on the world ({@code environments.grid}) and the map format
 * ({@code environments.grid.map}); neither depends on it.
 */
package dev.lantern.environments.grid.solve;
