package dev.lantern.environments.grid.solve;

import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.StateSpaceTooLargeException;
import java.util.Locale;
import java.util.Objects;

/**
 * The exact optimal return of a grid world under its time limit: backward induction over (state, steps left), the
 * optimum of exactly what the agent is asked to do (see {@link OptimalReturn}).
 *
 * <pre>
 *   V_0(s) = 0      V_k(s) = max_a sum_{s'} P(s'|s, a) [ r(s, a, s') + (s' terminal ? 0 : V_{k-1}(s')) ]
 *   optimal return = sum_{s0} P(s0) V_T(s0),   T = the world's time limit
 * </pre>
 * Undiscounted, over the full {@link GridStateSpace} (the same transition table as {@link ValueIteration}); the
 * episode's last step (the one the time limit truncates) is counted, as the world counts it. Every sum is finite, so
 * the result needs no convergence test: a reward that can be collected forever (reward-gaming's bucket) is simply
 * collected T times. Two value arrays of the state-space size are kept, never one per step. With k steps left only
 * the states a start can reach in T - k steps matter ({@link GridStateSpace#stepsFromStart()}), so each step updates
 * only those; when a step changes none of them, no later step can either, and the induction stops early.
 *
 * <p>Cost: at most (transitions) × T backups, far fewer when the map is larger than what T steps can reach or the
 * values stop changing early. When {@value #MAX_WORK} backups are spent before the end (or the map has more than
 * {@link GridStateSpace#MAX_STATES} states) the world is not solved, and the result says so
 * ({@link SolveStatus#TOO_LARGE}, value NaN) instead of a number.
 */
public final class FiniteHorizon {

    /** The most transition backups one solve runs; about 15 s on one core (with progress on the way). */
    public static final long MAX_WORK = 1_000_000_000L;

    private FiniteHorizon() {
    }

    /** Solves {@code env} silently; see {@link #solve(GridWorld, SolveProgress)}. */
    public static OptimalReturn solve(GridWorld env) {
        return solve(env, SolveProgress.NONE);
    }

    /**
     * The optimal expected return of {@code env} within its time limit ({@link GridWorld#maxEpisodeSteps()}).
     *
     * @param env      the world; only its map and time limit are used, its current state is untouched
     * @param progress told after every step of the induction (phase {@code "finite-horizon solve"})
     */
    public static OptimalReturn solve(GridWorld env, SolveProgress progress) {
        return solve(env, MAX_WORK, progress);
    }

    static OptimalReturn solve(GridWorld env, long maxWork, SolveProgress progress) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(progress, "progress");
        int horizon = env.maxEpisodeSteps();
        GridStateSpace space;
        try {
            space = GridStateSpace.of(env);
        } catch (StateSpaceTooLargeException e) {
            return new OptimalReturn(Double.NaN, SolveStatus.TOO_LARGE, horizon, -1, e.getMessage());
        }
        int n = space.size();
        // Only states that a start can reach within the steps already taken matter: with k steps left, those at most
        // T - k steps from a start. Order the states by that distance, and update a shrinking prefix.
        int[] distance = space.stepsFromStart();
        int maxDistance = Math.min(horizon, n);
        int[] byDistance = new int[maxDistance + 2];
        for (int s = 0; s < n; s++) {
            if (distance[s] >= 0 && distance[s] <= maxDistance) {
                byDistance[distance[s] + 1]++;
            }
        }
        for (int d = 0; d <= maxDistance; d++) {
            byDistance[d + 1] += byDistance[d];
        }
        int[] order = new int[byDistance[maxDistance + 1]];
        int[] fill = java.util.Arrays.copyOf(byDistance, maxDistance + 1);
        long[] transitionsWithin = new long[maxDistance + 1]; // transitions of the states at most d steps away
        for (int s = 0; s < n; s++) {
            int d = distance[s];
            if (d >= 0 && d <= maxDistance) {
                order[fill[d]++] = s;
                transitionsWithin[d] += space.transitionCount(s);
            }
        }
        for (int d = 1; d <= maxDistance; d++) {
            transitionsWithin[d] += transitionsWithin[d - 1];
        }
        long work = 0;
        double[] previous = new double[n]; // V_{k-1} on the states at most T - k + 1 steps from a start
        double[] current = new double[n];  // V_k on those at most T - k steps away
        for (int k = 1; k <= horizon; k++) {
            work += transitionsWithin[Math.min(horizon - k, maxDistance)];
            if (work > maxWork) {
                return new OptimalReturn(Double.NaN, SolveStatus.TOO_LARGE, horizon, n, String.format(Locale.ROOT,
                        "the values still changed after %d of %d steps (%,d states, %,d transitions): more than the "
                                + "%.0e backups a solve may take (a shorter time limit or a smaller map solves)",
                        k - 1, horizon, n, space.transitionCount(), (double) maxWork));
            }
            double change = 0;
            int end = byDistance[Math.min(horizon - k, maxDistance) + 1];
            for (int i = 0; i < end; i++) {
                int s = order[i];
                double best = 0.0; // terminal states keep 0
                if (!space.terminal(s)) {
                    best = Double.NEGATIVE_INFINITY;
                    for (int a = 0; a < 4; a++) {
                        best = Math.max(best, space.backup(s, a, previous, 1.0));
                    }
                }
                change = Math.max(change, Math.abs(best - previous[s]));
                current[s] = best;
            }
            double[] t = previous;
            previous = current;
            current = t;
            progress.step("finite-horizon solve", k, horizon, change);
            if (change == 0) {
                break; // V_k = V_{k-1} where it matters: every later step gives the same values
            }
        }
        return new OptimalReturn(space.startValue(previous), SolveStatus.EXACT, horizon, n, "");
    }
}
