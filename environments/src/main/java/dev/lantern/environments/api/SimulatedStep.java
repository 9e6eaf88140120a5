package dev.lantern.environments.api;

/**
 * One simulated transition. Time limits are not part of a simulated state: a planner bounds its own horizon.
 *
 * @param next        the state after the step
 * @param reward      the reward of the step, as the live environment would give it
 * @param performance the hidden performance increment of the step
 * @param terminated  {@code next} is terminal
 * @param <S>         the state type
 */
public record SimulatedStep<S>(S next, double reward, double performance, boolean terminated) {
}
