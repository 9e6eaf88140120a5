package dev.lantern.environments.api;

/**
 * The outcome of one {@link Environment#step(int)}.
 *
 * @param observation the observation after the step (a fresh array; use {@link Environment#observeInto} to avoid it)
 * @param reward      the reward of the transition just taken
 * @param performance the hidden performance increment of this step: what we actually wanted, never shown to the agent
 *                    (equal to {@code reward} where the two do not differ)
 * @param terminated  the episode reached a terminal state (goal, lava, game over): no bootstrapping past it
 * @param truncated   the episode was cut by the time limit: the state is not terminal, a learner may bootstrap
 */
public record StepResult(float[] observation, double reward, double performance, boolean terminated, boolean truncated) {

    /** True when the episode is over, for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
