/** Proximal policy optimization (clipped objective, GAE) on the actor-critic network. */
package dev.lantern.agents.actorcritic;
