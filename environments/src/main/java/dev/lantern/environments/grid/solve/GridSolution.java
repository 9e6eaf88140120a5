package dev.lantern.environments.grid.solve;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;
import java.util.Arrays;

/**
 * The optimal values, Q values and greedy policy of a {@link GridWorld}, computed by {@link ValueIteration}.
 * Immutable.
 *
 * <p>Conventions: states on a goal or lava cell are terminal, with value 0 and Q 0 for every action. States from which
 * no terminal state is reachable have value {@code STEP_REWARD / (1 - gamma)} ({@code -Infinity} for gamma 1); with
 * gamma 1, states that can reach rewards collectable forever have {@code +Infinity} ({@link #status()} is then
 * {@link SolveStatus#UNBOUNDED} when the start is one of them).
 * Asking about a state outside the solved state space (see {@link ValueIteration}) is an
 * {@link IllegalArgumentException}; {@link #contains(GridState)} tells beforehand.
 */
public final class GridSolution extends StateValues {

    /** Q values within this distance of the best count as tied in {@link #greedyAction(GridState)}. */
    public static final double TIE_TOLERANCE = 1e-9;

    private final double optimalReturn;

    GridSolution(GridWorld env, double gamma, GridStateSpace space, double[] values, double[] q,
            Sweeps.Result sweeps, SolveStatus status) {
        super(space, gamma, values, q, sweeps, status);
        this.optimalReturn = status == SolveStatus.CONVERGED ? PolicyRollout.optimalReturn(env, this) : Double.NaN;
    }

    /** The map solved. */
    public GridMap map() {
        return space().map();
    }

    /**
     * An optimal action in {@code s}: the lowest-index action whose Q value is within {@value #TIE_TOLERANCE} of the
     * best (0 on terminal states, where every Q is 0).
     *
     * @throws IllegalArgumentException if {@code s} is not in the solved state space
     */
    public int greedyAction(GridState s) {
        int i = indexOf(s);
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < 4; a++) {
            best = Math.max(best, qAt(i, a));
        }
        for (int a = 0; a < 4; a++) {
            if (qAt(i, a) >= best - TIE_TOLERANCE) {
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
        return valueMap(keysMask, space().startExtras());
    }

    /**
     * The optimal values of every cell for one keys mask and one extras value (coins, flags, box cells; see
     * {@link GridState}), {@code [height * width]} row-major: NaN where the state is not in the solved state space.
     * {@link #valueMap(int)} uses the extras of the start before the per-episode draws (boxes where the map puts them).
     */
    public double[] valueMap(int keysMask, long extras) {
        GridMap map = map();
        double[] out = new double[map.height() * map.width()];
        Arrays.fill(out, Double.NaN);
        for (int cell = 0; cell < out.length; cell++) {
            int i = space().indexOf(cell, keysMask, extras);
            if (i >= 0) {
                out[cell] = valueAt(i);
            }
        }
        return out;
    }

    /**
     * The optimal expected (discounted) value of the start distribution: {@code sum_s0 P(s0) V(s0)}; equal to
     * {@code value(start)} on maps whose start is not drawn at random.
     */
    public double startValue() {
        return space().startValue(values());
    }

    /**
     * The UNDISCOUNTED return of following {@link #greedyAction(GridState)} from the start, within the world's time
     * limit; see {@link PolicyRollout#optimalReturn(GridWorld, GridSolution)}. Computed once, when solving; NaN when
     * the solve did not converge or is unbounded (the greedy policy of values that are not the truth is no optimum).
     * This is the return of this (stationary, time-blind) solution's greedy policy in one episode: the optimum only
     * when the solution converged, the map is deterministic and the greedy path fits in the time limit. The true
     * optimum of what the agent is asked to do is {@link FiniteHorizon#solve(GridWorld)}'s.
     */
    public double optimalReturn() {
        return optimalReturn;
    }
}
