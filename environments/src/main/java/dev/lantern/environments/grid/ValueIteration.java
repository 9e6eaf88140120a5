package dev.lantern.environments.grid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Exact optimal values of a {@link GridWorld} by value iteration: the ground truth the lab compares learned agents with.
 *
 * <p><b>State space.</b> First the keys masks reachable from the start are found (breadth-first search over
 * (cell, keys mask), not expanding goal and lava). The state space is then every non-wall cell paired with every such
 * mask, closed under the dynamics (a hypothetical state, e.g. an agent behind a door without a key, may pick up a key
 * that yields a mask the start never reaches; that state is added too). {@link GridSolution#value} therefore answers
 * for every free cell with any mask a real episode can hold.
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
        GridDynamics d = env.dynamics();

        // 1. Keys masks reachable from the start.
        TreeSet<Integer> masks = new TreeSet<>();
        {
            Map<Long, Boolean> seen = new HashMap<>();
            ArrayDeque<long[]> queue = new ArrayDeque<>();
            int start = d.map.start().row() * d.width + d.map.start().col();
            seen.put(key(d, start, 0), Boolean.TRUE);
            queue.add(new long[] {start, 0});
            while (!queue.isEmpty()) {
                long[] s = queue.poll();
                int cell = (int) s[0];
                int mask = (int) s[1];
                masks.add(mask);
                if (d.terminal(cell)) {
                    continue;
                }
                for (int a = 0; a < 4; a++) {
                    int next = d.next(cell, mask, a);
                    int nextMask = d.maskAfter(next, mask);
                    if (seen.putIfAbsent(key(d, next, nextMask), Boolean.TRUE) == null) {
                        queue.add(new long[] {next, nextMask});
                    }
                }
            }
        }

        // 2. Every free cell x every reachable mask, closed under the dynamics.
        Map<Long, Integer> index = new HashMap<>();
        List<int[]> states = new ArrayList<>();
        for (int mask : masks) {
            for (int cell = 0; cell < d.cells; cell++) {
                if (d.tiles[cell].isFree()) {
                    index.put(key(d, cell, mask), states.size());
                    states.add(new int[] {cell, mask});
                }
            }
        }
        List<Integer> nextList = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) { // states grows while we walk it
            int cell = states.get(s)[0];
            int mask = states.get(s)[1];
            for (int a = 0; a < 4; a++) {
                int next = d.next(cell, mask, a);
                int nextMask = d.maskAfter(next, mask);
                Integer j = index.get(key(d, next, nextMask));
                if (j == null) {
                    j = states.size();
                    index.put(key(d, next, nextMask), j);
                    states.add(new int[] {next, nextMask});
                }
                nextList.add(j);
            }
        }
        int n = states.size();
        int[] next = new int[n * 4];
        double[] reward = new double[n * 4];
        boolean[] terminal = new boolean[n];
        for (int s = 0; s < n; s++) {
            terminal[s] = d.terminal(states.get(s)[0]);
            for (int a = 0; a < 4; a++) {
                next[s * 4 + a] = nextList.get(s * 4 + a);
                reward[s * 4 + a] = d.reward(states.get(next[s * 4 + a])[0]);
            }
        }

        // 3. Which states can reach a terminal state (backward search over the transition graph).
        int[] inStart = new int[n + 1];
        for (int s = 0; s < n; s++) {
            if (!terminal[s]) {
                for (int a = 0; a < 4; a++) {
                    inStart[next[s * 4 + a] + 1]++;
                }
            }
        }
        for (int s = 0; s < n; s++) {
            inStart[s + 1] += inStart[s];
        }
        int[] fill = inStart.clone();
        int[] predecessors = new int[inStart[n]];
        for (int s = 0; s < n; s++) {
            if (!terminal[s]) {
                for (int a = 0; a < 4; a++) {
                    predecessors[fill[next[s * 4 + a]]++] = s;
                }
            }
        }
        boolean[] live = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < n; s++) {
            if (terminal[s]) {
                live[s] = true;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int p = inStart[s]; p < inStart[s + 1]; p++) {
                int q = predecessors[p];
                if (!live[q]) {
                    live[q] = true;
                    queue.add(q);
                }
            }
        }

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
        return new GridSolution(env, gamma, index, v, q, sweeps, residual, converged);
    }

    static long key(GridDynamics d, int cell, int mask) {
        return (long) mask * d.cells + cell;
    }
}
