/**
 * The DL4J networks Lantern trains ({@code GraphNetwork}: the torso every learner shares; {@code ActorCriticNet} for
 * PPO, A2C and AlphaZero; {@code dqn.QNet} builds on it), their fast training pass ({@code DensePass}), Adam in Java,
 * the bases that the network-backed learners ({@code NetworkLearner}) and their bound losses
 * ({@code NetworkObjective}) share, and what analysis gets of them: frozen views, pinned probes evaluated on a private
 * shadow network, and the inspector behind {@link dev.lantern.agents.api.InspectableNetwork} (sites
 * {@code torso.dense0.pre}, {@code torso.dense0}, {@code policy.logits}, ...).
 */
package dev.lantern.agents.nn;
