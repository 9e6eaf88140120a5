package dev.lantern.environments.grid;

import java.util.Objects;

/**
 * Exact optimal values of a {@link GridWorld} by value iteration: the ground truth the lab compares learned agents with.
 *
 * <p><b>State space:</b> see {@link GridStateSpace} — every free cell with every keys mask a real episode can hold,
 * closed under the dynamics.
 *
 * <p><b>Bellman backup</b> (deterministic, infinite horizon; the time limit is ignored):
 * <pre>
 *   Q(s, a) = r(s, a) + (s' terminal ? 0 : gamma * V(s'))      V(s) = max_a Q(s, a)
 * </pre>
 * with {@code s'} the state after action {@code a}, {@code r} = {@value GridWorld#STEP_REWARD}, plus
 * {@value GridWorld#GOAL_REWARD} when {@code s'} is a goal, plus {@value GridWorld#LAVA_REWARD} when it is lava.
 * States on a goal or lava cell are terminal: {@code V = 0} and {@code Q = 0} for every action.
 *
 * <p><b>Convergence.</b> Sweeps update values in place (Gauss–Seidel), starting from 0, until the largest change in
 * a sweep is below the tolerance (default {@value #DEFAULT_TOLERANCE}) or the sweep cap is hit
 * ({@link GridSolution#converged()} tells which). With {@code gamma = 1} this is a stochastic-shortest-path problem: it
 * converges exactly (in finitely many sweeps) on every state from which a terminal state can be reached, because every
 * non-terminal step costs {@value GridWorld#STEP_REWARD}. States from which NO terminal state is reachable (a walled-in
 * pocket) are detected first by a backward search and given their exact value {@code STEP_REWARD / (1 - gamma)},
 * which is {@link Double#NEGATIVE_INFINITY} for {@code gamma = 1}; their Q values are the same for every action.
 */
public final class ValueIteration {

    /** Default stopping tolerance: the largest change of any value in one sweep. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** Default cap on the number of sweeps. */
    public static final int DEFAULT_MAX_SWEEPS = 100_000;

    private ValueIteration() {
    }

    /**
     * Solves {@code env}'s map with the default tolerance and sweep cap.
     *
     * @param env   the world; only its map and time limit are used, its current state is untouched
     * @param gamma discount factor in {@code (0, 1]}
     * @throws IllegalArgumentException if {@code gamma} is outside {@code (0, 1]}
     */
    public static GridSolution solve(GridWorld env, double gamma) {
        return solve(env, gamma, DEFAULT_TOLERANCE, DEFAULT_MAX_SWEEPS);
    }

    /**
     * Solves {@code env}'s map.
     *
     * @param env       the world; only its map and time limit are used, its current state is untouched
     * @param gamma     discount factor in {@code (0, 1]}
     * @param tolerance stop when no value changed by this much or more in a sweep, {@code >= 0}
     * @param maxSweeps the most sweeps to run, {@code > 0}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static GridSolution solve(GridWorld env, double gamma, double tolerance, int maxSweeps) {
        Objects.requireNonNull(env, "env");
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        if (maxSweeps <= 0) {
            throw new IllegalArgumentException("maxSweeps must be > 0, got " + maxSweeps);
        }
        GridStateSpace space = GridStateSpace.of(env.dynamics());
        int n = space.size();
        int[] next = space.next;
        double[] reward = space.reward;
        boolean[] terminal = space.terminal;
        boolean[] live = space.live;

        // 4. Value iteration over the live non-terminal states.
        double deadValue = gamma == 1.0 ? Double.NEGATIVE_INFINITY : GridWorld.STEP_REWARD / (1.0 - gamma);
        double[] v = new double[n];
        for (int s = 0; s < n; s++) {
            v[s] = live[s] ? 0.0 : deadValue;
        }
        int sweeps = 0;
        double residual = Double.POSITIVE_INFINITY;
        boolean converged = false;
        while (sweeps < maxSweeps) {
            residual = 0;
            for (int s = 0; s < n; s++) {
                if (terminal[s] || !live[s]) {
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < 4; a++) {
                    int j = next[s * 4 + a];
                    double q = reward[s * 4 + a] + (terminal[j] ? 0.0 : gamma * v[j]);
                    if (q > best) {
                        best = q;
                    }
                }
                double change = Math.abs(best - v[s]);
                if (change > residual) {
                    residual = change;
                }
                v[s] = best;
            }
            sweeps++;
            if (residual < tolerance || residual == 0) {
                converged = true;
                break;
            }
        }

        double[] q = new double[n * 4];
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < 4; a++) {
                if (terminal[s]) {
                    q[s * 4 + a] = 0.0;
                } else if (!live[s]) {
                    q[s * 4 + a] = deadValue;
                } else {
                    int j = next[s * 4 + a];
                    q[s * 4 + a] = reward[s * 4 + a] + (terminal[j] ? 0.0 : gamma * v[j]);
                }
            }
        }
        return new GridSolution(env, gamma, space.index, v, q, sweeps, residual, converged);
    }

}
