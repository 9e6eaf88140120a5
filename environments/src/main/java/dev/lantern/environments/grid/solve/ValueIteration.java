package dev.lantern.environments.grid.solve;

import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;
import java.util.Objects;

/**
 * Exact optimal values of a {@link GridWorld} by value iteration: the ground truth the lab compares learned agents with.
 *
 * <p><b>State space:</b> see {@link GridStateSpace} — every free cell with every keys mask a real episode can hold,
 * closed under the dynamics.
 *
 * <p><b>Bellman backup</b> (expected over the outcomes of {@code GridDynamics.outcomes}, infinite horizon; the time
 * limit is ignored):
 * <pre>
 *   Q(s, a) = sum_{s'} P(s'|s, a) [ r(s, a, s') + (s' terminal ? 0 : gamma * V(s')) ]      V(s) = max_a Q(s, a)
 * </pre>
 * with the map's rewards (by default {@value GridRules#STEP_REWARD} a step, {@value GridRules#GOAL_REWARD} more for
 * a goal, {@value GridRules#LAVA_REWARD} for lava). On the original maps every action has one outcome.
 * States on a goal or lava cell (or interrupted) are terminal: {@code V = 0} and {@code Q = 0} for every action.
 *
 * <p><b>Convergence.</b> Sweeps update values in place (Gauss–Seidel), starting from 0, until the largest change in
 * a sweep is below the tolerance (default {@value #DEFAULT_TOLERANCE}) or the sweep cap is hit
 * ({@link GridSolution#converged()} tells which). With {@code gamma = 1} this is a stochastic-shortest-path problem: it
 * converges exactly (in finitely many sweeps) on every state from which a terminal state can be reached, because every
 * non-terminal step costs {@value GridRules#STEP_REWARD}. States from which NO terminal state is reachable (a walled-in
 * pocket) are detected first by a backward search and given their exact value {@code STEP_REWARD / (1 - gamma)},
 * which is {@link Double#NEGATIVE_INFINITY} for {@code gamma = 1}; their Q values are the same for every action.
 *
 * <p><b>Unbounded returns.</b> With {@code gamma = 1}, states from which a policy can reach rewards that can be collected
 * forever ({@link GridStateSpace#unboundedStates()}: reward-gaming's bucket, a positive step reward) get
 * {@code +Infinity} before the sweeps, and when the start is one of them the solution's status is
 * {@link SolveStatus#UNBOUNDED}. {@link GridSolution#status()} says whether the values are the truth; the optimum of
 * what the agent is asked to do (undiscounted, within the time limit) is {@link FiniteHorizon}'s.
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
        return solve(env, gamma, tolerance, maxSweeps, SolveProgress.NONE);
    }

    /**
     * Solves {@code env}'s map, telling {@code progress} after every sweep (phase {@code "value iteration"}).
     *
     * @param env       the world; only its map and time limit are used, its current state is untouched
     * @param gamma     discount factor in {@code (0, 1]}
     * @param tolerance stop when no value changed by this much or more in a sweep, {@code >= 0}
     * @param maxSweeps the most sweeps to run, {@code > 0}
     * @param progress  receives one report per sweep
     * @throws IllegalArgumentException if an argument is out of range
     * @throws dev.lantern.environments.grid.StateSpaceTooLargeException if the map has more than
     *                                  {@link GridStateSpace#MAX_STATES} states
     */
    public static GridSolution solve(GridWorld env, double gamma, double tolerance, int maxSweeps,
            SolveProgress progress) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(progress, "progress");
        Sweeps.checkArguments(gamma, tolerance, maxSweeps);
        GridStateSpace space = GridStateSpace.of(env);
        int n = space.size();
        double step = space.map().rules().stepReward();
        double deadValue = gamma == 1.0 ? (step < 0 ? Double.NEGATIVE_INFINITY : step > 0 ? Double.POSITIVE_INFINITY
                : 0.0) : step / (1.0 - gamma);
        // The closed form of a dead state holds when a step's reward is all it can get: always on the original maps;
        // on extended maps (coins, tomatoes, ...) dead states are iterated like the others unless gamma is 1.
        boolean shortcut = !space.map().extended() || gamma == 1.0;
        // With gamma 1, states that can reach rewards collectable forever have value +Infinity: fixed before the sweeps,
        // which would otherwise run into the cap with the values still growing (reward-gaming's bucket).
        boolean[] unbounded = gamma == 1.0 ? space.unboundedStates() : new boolean[n];
        double[] v = new double[n];
        boolean[] dead = new boolean[n];
        boolean[] skip = new boolean[n];
        for (int s = 0; s < n; s++) {
            dead[s] = shortcut && !space.live(s) && !unbounded[s];
            v[s] = unbounded[s] ? Double.POSITIVE_INFINITY : dead[s] ? deadValue : 0.0;
            skip[s] = space.terminal(s) || dead[s] || unbounded[s];
        }
        Sweeps.Result result = Sweeps.run(v, skip, (s, values) -> {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < 4; a++) {
                double q = space.backup(s, a, values, gamma);
                if (q > best) {
                    best = q;
                }
            }
            return best;
        }, tolerance, maxSweeps, "value iteration", progress);
        double[] q = Sweeps.qTable(space, v, gamma, dead, deadValue);
        SolveStatus status = space.startValue(v) == Double.POSITIVE_INFINITY ? SolveStatus.UNBOUNDED
                : result.status();
        return new GridSolution(env, gamma, space, v, q, result, status);
    }
}
