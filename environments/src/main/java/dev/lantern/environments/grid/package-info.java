/**
 * The grid world played on a map: its state, rules, observations and whole state space.
 *
 * <p>{@link dev.lantern.environments.grid.GridWorld} is the environment (four moves, keys and doors, goal and lava,
 * and on extended maps boxes, ice, coins, interruption and button, watched cells, whisky, triggers and tomatoes, with
 * a hidden performance score beside the reward); {@link dev.lantern.environments.grid.GridState} is a state,
 * {@link dev.lantern.environments.grid.GridObservation} what the agent sees (one-hot planes, channels in
 * {@link dev.lantern.environments.grid.GridChannels}, an egocentric window or a symbolic vector). One transition model
 * ({@code GridDynamics}, with the per-tile rules in {@code GridMoves}) serves the live world, its simulator and the
 * enumerated {@link dev.lantern.environments.grid.GridStateSpace} the exact solvers work on, so they cannot disagree.
 * The map format lives in {@code environments.grid.map}, the solvers in {@code environments.grid.solve}; each
 * registered environment is documented in {@code docs/envs/}.
 */
package dev.lantern.environments.grid;
