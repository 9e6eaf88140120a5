/**
 * The actor-critic learners on the actor-critic network: PPO (clipped objective, GAE; {@link
 * dev.lantern.agents.actorcritic.PpoAgent}) and A2C ({@link dev.lantern.agents.actorcritic.A2cAgent}, the same
 * machinery with one epoch, one minibatch and no clip), their configs, the rollout storage with GAE, the loss computed
 * in double precision, and the pinned probe loss for loss change allocation.
 */
package dev.lantern.agents.actorcritic;
