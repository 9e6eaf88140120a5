/**
 * AlphaZero-style learning on two-player board games (Silver et al., 2017/2018): batched self-play with PUCT search
 * guided by a policy-value {@link dev.lantern.agents.nn.ActorCriticNet}, a replay of (observation, visit distribution,
 * outcome) triples, and training by cross-entropy to the visits plus squared error to the outcome.
 * {@link dev.lantern.agents.alphazero.AlphaZeroAgent} is the learning agent,
 * {@link dev.lantern.agents.alphazero.GameEvaluator} plays it against fixed opponents (random, exact minimax, UCT with
 * random rollouts) and is the final evaluation of a training run (the {@link dev.lantern.agents.train.Trainer} runs it
 * like every learner).
 */
package dev.lantern.agents.alphazero;
