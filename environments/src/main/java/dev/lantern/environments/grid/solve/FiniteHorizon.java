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
 * collected T times. Two value arrays of the state-space size are kept, never one per step; when a step changes no
 * value the rest of the horizon cannot change any either, and the induction stops early.
 *
 * <p>Cost: (transitions) × T backups. Above {@value #MAX_WORK} (or above {@link GridStateSpace#MAX_STATES} states) the
 * world is not solved, and the result says so ({@link SolveStatus#TOO_LARGE}, value NaN) instead of a number.
 */
public final class FiniteHorizon {

    /** The most transition backups one solve runs (transitions × time limit); about 10 s on one core. */
    public static final long MAX_WORK = 4_000_000_000L;

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
        long work = space.transitionCount() * (long) horizon;
        if (work > maxWork) {
            return new OptimalReturn(Double.NaN, SolveStatus.TOO_LARGE, horizon, n, String.format(Locale.ROOT,
                    "%d transitions x %d steps = %.2e backups, more than the %.0e a solve may take (a shorter time "
                            + "limit or a smaller map solves)", space.transitionCount(), horizon, (double) work,
                    (double) maxWork));
        }
        double[] previous = new double[n]; // V_{k-1}
        double[] current = new double[n];  // V_k
        for (int k = 1; k <= horizon; k++) {
            double change = 0;
            for (int s = 0; s < n; s++) {
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
                break; // V_k = V_{k-1}: every later step gives the same values
            }
        }
        return new OptimalReturn(space.startValue(previous), SolveStatus.EXACT, horizon, n, "");
    }
}
