package dev.lantern.agents.api;

/**
 * What an agent decided in one state, with the numbers behind it.
 *
 * @param action        the chosen action
 * @param probabilities the policy's probability of each action (index = action id)
 * @param value         the value head's estimate of the state (for Q-learners, the largest Q-value)
 * @param qValues       the action values Q(s, a) (index = action id) for agents that learn them, else null
 */
public record Decision(int action, double[] probabilities, double value, double[] qValues) {

    /** A decision of an agent without action values. */
    public Decision(int action, double[] probabilities, double value) {
        this(action, probabilities, value, null);
    }
}
