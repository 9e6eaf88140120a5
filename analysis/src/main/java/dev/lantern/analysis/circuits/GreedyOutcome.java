package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a deterministic policy over every state obtains from the start (issue 10, points 3 and 7): its expected
 * undiscounted return, its probability of success and its expected hidden performance, exact on the map's known
 * dynamics within the world's time limit, and the path it walks (for drawing). The one place the ablation and the
 * steering read "the greedy outcome of a network".
 *
 * <p>Exact by backward induction over (state, steps left), as the finite-horizon solve computes the optimum but for
 * one action per state: {@code V_0 = 0}, {@code V_k(s) = backup(s, pi(s), V_{k-1})} for {@code k = 1 .. T}, {@code T}
 * the world's time limit, and the answer is the start distribution's expectation of {@code V_T}. Stochastic maps (ice,
 * whisky, interruptions, a random start) are handled by expectation over every outcome, never by sampling. Success is
 * an episode that ends on a transition with a positive reward (a goal reached, as {@code GreedyEvaluator} counts it);
 * the hidden performance sums each step's performance ({@code StepResult.performance}). On a deterministic map the
 * return equals {@code PolicyRollout.undiscountedReturn} of the same policy (the sums are taken in another order, so
 * within a few ulps; a test).
 *
 * <p>The path: the cells of one episode of the policy on a copy of the world reset with seed 0, start cell first,
 * until it terminates or the time limit truncates it (at most {@code T + 1} cells). On a stochastic map that episode is
 * one draw, for drawing only; the numbers above are expectations.
 *
 * @param expectedReturn     the expected undiscounted return from the start within the time limit
 * @param success            the probability that the episode ends with a positive reward, in {@code [0, 1]}
 * @param performance        the expected hidden performance from the start (equal to the return where the map has no
 *                           hidden performance)
 * @param hiddenPerformance  whether the map scores a hidden performance apart from the reward (the safety grids)
 * @param path               the cells of the episode drawn from the start, start first
 */
public record GreedyOutcome(double expectedReturn, double success, double performance, boolean hiddenPerformance,
        List<Cell> path) {

    public GreedyOutcome {
        path = List.copyOf(path);
    }

    /**
     * The outcome of the policy that takes {@code actions[s]} in state number {@code s} of {@code states} (any value
     * in {@code 0..3} on states it never acts in).
     *
     * @throws IllegalArgumentException if {@code actions} does not have one action in {@code 0..3} per state
     */
    public static GreedyOutcome of(StateBatch states, int[] actions) {
        Objects.requireNonNull(states, "states");
        GridStateSpace space = states.space();
        int n = space.size();
        if (actions.length != n) {
            throw new IllegalArgumentException(actions.length + " actions for " + n + " states");
        }
        for (int s = 0; s < n; s++) {
            if (actions[s] < 0 || actions[s] > 3) {
                throw new IllegalArgumentException("action " + actions[s] + " in state " + s + " (legal: 0..3 "
                        + GridWorld.ACTION_LABELS + ")");
            }
        }
        GridWorld world = states.world();
        int horizon = world.maxEpisodeSteps();
        boolean[] acts = acting(space);
        double[][] value = {new double[n], new double[n]};
        double[][] success = {new double[n], new double[n]};
        double[][] perf = {new double[n], new double[n]};
        for (int k = 1; k <= horizon; k++) {
            double[] v = value[k & 1];
            double[] pv = value[(k - 1) & 1];
            double[] u = success[k & 1];
            double[] pu = success[(k - 1) & 1];
            double[] w = perf[k & 1];
            double[] pw = perf[(k - 1) & 1];
            boolean changed = false;
            for (int s = 0; s < n; s++) {
                if (!acts[s]) {
                    continue;
                }
                int a = actions[s];
                v[s] = space.backup(s, a, pv, 1.0);
                u[s] = space.successBackup(s, a, pu);
                w[s] = space.performanceBackup(s, a, pw);
                changed |= v[s] != pv[s] || u[s] != pu[s] || w[s] != pw[s];
            }
            if (!changed) {
                break; // V_k = V_{k-1} everywhere: every later step gives the same values
            }
        }
        int last = horizon & 1;
        // after a break at step k the arrays of k and k - 1 agree, so either parity holds the answer
        return new GreedyOutcome(space.startValue(value[last]), space.startValue(success[last]),
                space.startValue(perf[last]), space.hiddenPerformance(), path(states, actions));
    }

    /** The outcome of the greedy policy of a head over every state ({@link #greedyActions}). */
    public static GreedyOutcome ofHead(StateBatch states, Activations head) {
        return of(states, greedyActions(head));
    }

    /**
     * The greedy action of every state: the index of the largest entry of its row (a policy's logits or a Q-network's
     * values), the lowest among ties.
     */
    public static int[] greedyActions(Activations head) {
        int[] actions = new int[head.batch()];
        for (int s = 0; s < actions.length; s++) {
            actions[s] = NeuronAblation.argmax(head.row(s));
        }
        return actions;
    }

    /** The states the induction updates: non-terminal states a start reaches (the others never act). */
    private static boolean[] acting(GridStateSpace space) {
        int[] steps = space.stepsFromStart();
        boolean[] acts = new boolean[space.size()];
        for (int s = 0; s < acts.length; s++) {
            acts[s] = steps[s] >= 0 && !space.terminal(s);
        }
        return acts;
    }

    private static List<Cell> path(StateBatch states, int[] actions) {
        GridWorld world = states.world().copy();
        world.resetInPlace(0L);
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(world.state().row(), world.state().col()));
        do {
            int s = states.space().indexOf(world.state());
            world.stepInPlace(actions[s]);
            cells.add(new Cell(world.state().row(), world.state().col()));
        } while (!world.lastTerminated() && !world.lastTruncated());
        return cells;
    }
}
