package dev.lantern.environments.grid.solve;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Plays a policy for one episode on a copy of a {@link GridWorld} and reports the undiscounted return: the single place
 * where "the return a policy obtains" is defined.
 */
public final class PolicyRollout {

    private PolicyRollout() {
    }

    /**
     * The undiscounted return of one episode of {@code policy}, from the start, within {@code env}'s time limit.
     *
     * <p>A copy of {@code env} is reset (the original is untouched); at each step the action is
     * {@code policy.applyAsInt(state)}; the rewards are summed until the episode terminates or is truncated by the time
     * limit. Grid worlds are deterministic, so the result is exact.
     *
     * @throws IllegalArgumentException if the policy returns an illegal action
     */
    public static double undiscountedReturn(GridWorld env, ToIntFunction<GridState> policy) {
        Objects.requireNonNull(policy, "policy");
        GridWorld world = env.copy();
        world.resetInPlace(0L);
        double total = 0;
        do {
            world.stepInPlace(policy.applyAsInt(world.state()));
            total += world.lastReward();
        } while (!world.lastTerminated() && !world.lastTruncated());
        return total;
    }

    /**
     * The optimal return of {@code env}: the undiscounted return of the greedy policy of {@code solution}
     * ({@link GridSolution#greedyAction(GridState)}, ties to the lowest action), from the start, within the time
     * limit. For {@code gamma = 1} this is the best return any policy can reach when the shortest path to a goal fits
     * in the time limit: {@code 1 - 0.01 * (shortest path length)} for a path without lava.
     */
    public static double optimalReturn(GridWorld env, GridSolution solution) {
        Objects.requireNonNull(solution, "solution");
        return undiscountedReturn(env, solution::greedyAction);
    }
}
