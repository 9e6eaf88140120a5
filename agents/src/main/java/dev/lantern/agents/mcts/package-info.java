/**
 * Monte Carlo tree search, split as in OpenSpiel into an {@link dev.lantern.agents.mcts.Evaluator} (priors and a
 * value for a leaf), a plain {@link dev.lantern.agents.mcts.Node}, and a search ({@link dev.lantern.agents.mcts.Mcts})
 * that returns its whole tree ({@link dev.lantern.agents.mcts.SearchTree}). Board games and grid worlds meet the
 * search through {@link dev.lantern.agents.mcts.SearchProblem}. {@link dev.lantern.agents.mcts.LockstepPuct} runs PUCT
 * from many roots at once with one {@link dev.lantern.agents.mcts.BatchEvaluator} call per simulation step (batched
 * self-play). Pure Java: no ND4J here.
 */
package dev.lantern.agents.mcts;
