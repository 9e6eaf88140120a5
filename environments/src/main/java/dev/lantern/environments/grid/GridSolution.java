package dev.lantern.environments.grid;

import java.util.Arrays;

/**
 * The optimal values, Q values and greedy policy of a {@link GridWorld}, computed by {@link ValueIteration}.
 * Immutable.
 *
 * <p>Conventions: states on a goal or lava cell are terminal, with value 0 and Q 0 for every action. States from which
 * no terminal state is reachable have value {@code STEP_REWARD / (1 - gamma)} ({@code -Infinity} for gamma 1).
 * Asking about a state outside the solved state space (see {@link ValueIteration}) is an
 * {@link IllegalArgumentException}; {@link #contains(GridState)} tells beforehand.
 */
public final class GridSolution {

    /** Q values within this distance of the best count as tied in {@link #greedyAction(GridState)}. */
    public static final double TIE_TOLERANCE = 1e-9;

    private final GridWorld env;
    private final GridDynamics dynamics;
    private final double gamma;
    private final GridStateSpace space;
    private final double[] values;
    private final double[] q;
    private final int sweeps;
    private final double residual;
    private final boolean converged;
    private final double optimalReturn;

    GridSolution(GridWorld env, double gamma, GridStateSpace space, double[] values, double[] q, int sweeps,
                 double residual, boolean converged) {
        this.env = env.copy();
        this.dynamics = env.dynamics();
        this.gamma = gamma;
        this.space = space;
        this.values = values;
        this.q = q;
        this.sweeps = sweeps;
        this.residual = residual;
        this.converged = converged;
        this.optimalReturn = PolicyRollout.optimalReturn(this.env, this);
    }

    /** The discount factor the values were computed with. */
    public double gamma() {
        return gamma;
    }

    /** The map solved. */
    public GridMap map() {
        return dynamics.map;
    }

    /** Number of states in the solved state space (terminal states included). */
    public int stateCount() {
        return values.length;
    }

    /** Number of value-iteration sweeps run. */
    public int sweeps() {
        return sweeps;
    }

    /** The largest change of a value in the last sweep. */
    public double residual() {
        return residual;
    }

    /** Whether the last sweep changed no value by the tolerance or more (false: the sweep cap was hit first). */
    public boolean converged() {
        return converged;
    }

    /** Whether {@code s} belongs to the solved state space. */
    public boolean contains(GridState s) {
        return space.indexOf(s) >= 0;
    }

    /**
     * The optimal value {@code V*(s)}: the best expected discounted return from {@code s} (0 on goal and lava cells).
     *
     * @throws IllegalArgumentException if {@code s} is not in the solved state space
     */
    public double value(GridState s) {
        return values[indexOf(s)];
    }

    /**
     * The optimal action value {@code Q*(s, a)}: reward of taking {@code action} in {@code s}, then acting optimally.
     *
     * @throws IllegalArgumentException if {@code s} is not in the solved state space or the action is not in 0..3
     */
    public double q(GridState s, int action) {
        checkAction(action);
        return q[indexOf(s) * 4 + action];
    }

    /**
     * An optimal action in {@code s}: the lowest-index action whose Q value is within {@value #TIE_TOLERANCE} of the
     * best (0 on terminal states, where every Q is 0).
     *
     * @throws IllegalArgumentException if {@code s} is not in the solved state space
     */
    public int greedyAction(GridState s) {
        int base = indexOf(s) * 4;
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < 4; a++) {
            best = Math.max(best, q[base + a]);
        }
        for (int a = 0; a < 4; a++) {
            if (q[base + a] >= best - TIE_TOLERANCE) {
                return a;
            }
        }
        return 0; // every Q is -Infinity (no terminal reachable, gamma 1): all actions are equally bad
    }

    /**
     * The optimal values of every cell for one keys mask, {@code [height * width]} row-major, for heatmaps: NaN on
     * walls and on cells whose state is not in the solved state space.
     */
    public double[] valueMap(int keysMask) {
        return valueMap(keysMask, dynamics.startExtras);
    }

    /**
     * The optimal values of every cell for one keys mask and one extras value (coins, flags, box cells; see
     * {@link GridState}), {@code [height * width]} row-major: NaN where the state is not in the solved state space.
     * {@link #valueMap(int)} uses the extras of the start before the per-episode draws (boxes where the map puts them).
     */
    public double[] valueMap(int keysMask, long extras) {
        double[] out = new double[dynamics.cells];
        Arrays.fill(out, Double.NaN);
        for (int cell = 0; cell < dynamics.cells; cell++) {
            int i = space.indexOf(cell, keysMask, extras);
            if (i >= 0) {
                out[cell] = values[i];
            }
        }
        return out;
    }

    /**
     * The optimal expected (discounted) value of the start distribution: {@code sum_s0 P(s0) V(s0)}; equal to
     * {@code value(start)} on maps whose start is not drawn at random.
     */
    public double startValue() {
        double v = 0;
        for (int i = 0; i < space.startStates.length; i++) {
            v += space.startProbabilities[i] * values[space.startStates[i]];
        }
        return v;
    }

    /**
     * The UNDISCOUNTED return of following {@link #greedyAction(GridState)} from the start, within the world's time
     * limit; see {@link PolicyRollout#optimalReturn(GridWorld, GridSolution)}. Computed once, when solving.
     */
    public double optimalReturn() {
        return optimalReturn;
    }

    @Override
    public String toString() {
        return "GridSolution[" + dynamics.map.sourceName() + ", gamma=" + gamma + ", states=" + values.length
                + ", sweeps=" + sweeps + ", converged=" + converged + "]";
    }

    private int indexOf(GridState s) {
        if (!contains(s)) {
            throw new IllegalArgumentException("state " + s + " is not in the solved state space of "
                    + dynamics.map.sourceName() + " (walls and keys masks no episode can hold are not)");
        }
        return space.indexOf(s);
    }

    private static void checkAction(int action) {
        if (action < 0 || action >= 4) {
            throw new IllegalArgumentException("action " + action + " is not legal: legal actions are 0..3 "
                    + GridWorld.ACTION_LABELS);
        }
    }
}
