package dev.lantern.agents.api;

/**
 * What an agent decided in one state, with the numbers behind it.
 *
 * @param action        the chosen action
 * @param probabilities the policy's probability of each action (index = action id)
 * @param value         the value head's estimate of the state
 */
public record Decision(int action, double[] probabilities, double value) {
}
