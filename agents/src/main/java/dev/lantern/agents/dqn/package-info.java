/**
 * Deep Q-networks (Mnih et al. 2015) with double Q-learning, n-step returns and optional prioritized replay: the
 * Q-network, the replay buffers (uniform ring buffer, sum-tree prioritized), the n-step assembler over a vector
 * environment, the TD loss, the agent and its pinned probe loss for loss change allocation.
 */
package dev.lantern.agents.dqn;
