/**
 * Grid worlds written as text maps, and their exact solution.
 *
 * <p>{@link dev.lantern.environments.grid.GridMapParser} turns a text map into an immutable
 * {@link dev.lantern.environments.grid.GridMap} (reporting every problem at once);
 * {@link dev.lantern.environments.grid.GridWorld} is the environment played on it (one-hot observation planes,
 * four moves, keys and doors, goal and lava); {@link dev.lantern.environments.grid.ValueIteration} computes the
 * ground truth {@link dev.lantern.environments.grid.GridSolution} (optimal values, Q values, greedy policy) that the
 * lab compares learned agents with, and {@link dev.lantern.environments.grid.PolicyEvaluation} the exact values of any
 * stochastic policy. One transition model ({@code GridDynamics}, with the per-tile rules in {@code GridMoves}) serves
 * the live world, its simulator and the solvers' state space ({@code GridStateSpace}), so they cannot disagree.
 * Extended maps add coloured keys, boxes, ice, coins, goals with their own rewards, interruption and button, watched
 * cells, whisky, triggers and tomatoes, with a hidden performance score beside the reward ({@link
 * dev.lantern.environments.grid.GridRules}); {@link dev.lantern.environments.grid.MazeGenerator} makes seeded mazes.
 * The map format is documented in {@code docs/maps.md}, each registered environment in {@code docs/envs/}.
 */
package dev.lantern.environments.grid;
