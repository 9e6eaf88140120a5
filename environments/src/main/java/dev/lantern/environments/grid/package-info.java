/**
 * Grid worlds written as text maps, and their exact solution.
 *
 * <p>{@link dev.lantern.environments.grid.GridMapParser} turns a text map into an immutable
 * {@link dev.lantern.environments.grid.GridMap} (reporting every problem at once);
 * {@link dev.lantern.environments.grid.GridWorld} is the environment played on it (one-hot observation planes,
 * four moves, keys and doors, goal and lava); {@link dev.lantern.environments.grid.ValueIteration} computes the
 * ground truth {@link dev.lantern.environments.grid.GridSolution} (optimal values, Q values, greedy policy) that the
 * lab compares learned agents with. The map format is documented in {@code docs/maps.md}.
 */
package dev.lantern.environments.grid;
