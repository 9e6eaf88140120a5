/**
 * Learner-free agents that plan instead of learning: {@code "type": "mcts"}, Monte Carlo tree search
 * ({@link dev.lantern.agents.mcts.Mcts}) acting on a grid world through its side-effect-free
 * {@link dev.lantern.environments.api.Simulator}. Each action is chosen by a search from the world's exact state (with
 * the max backup, on a table of best returns kept over the episode); nothing is learned between episodes, so there is
 * no network and no loss change allocation.
 */
package dev.lantern.agents.planning;
