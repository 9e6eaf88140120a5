package dev.lantern.environments.grid.solve;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;

/**
 * Exact state values V(s) and action values Q(s, a) over the whole {@link GridStateSpace} of a grid world, with how
 * the sweeps that computed them ended: what the two exact solvers ({@link ValueIteration}, {@link PolicyEvaluation})
 * have in common. Immutable. Terminal states have value 0 and Q 0 for every action; asking about a state outside the
 * state space is an {@link IllegalArgumentException} ({@link #contains(GridState)} tells beforehand).
 */
public abstract sealed class StateValues permits GridSolution, PolicyValues {

    private final GridStateSpace space;
    private final double gamma;
    private final double[] values;
    private final double[] q;
    private final Sweeps.Result sweeps;
    private final SolveStatus status;

    StateValues(GridStateSpace space, double gamma, double[] values, double[] q, Sweeps.Result sweeps,
            SolveStatus status) {
        this.space = space;
        this.gamma = gamma;
        this.values = values;
        this.q = q;
        this.sweeps = sweeps;
        this.status = status;
    }

    /** The discount factor the values were computed with. */
    public double gamma() {
        return gamma;
    }

    /** Number of states in the state space (terminal states included). */
    public int stateCount() {
        return values.length;
    }

    /** Number of Gauss–Seidel sweeps run. */
    public int sweeps() {
        return sweeps.sweeps();
    }

    /** The largest change of a value in the last sweep. */
    public double residual() {
        return sweeps.residual();
    }

    /** Whether the last sweep changed no value by the tolerance or more (false: the sweep cap was hit first). */
    public boolean converged() {
        return sweeps.converged();
    }

    /**
     * How the solve ended: {@link SolveStatus#CONVERGED}, {@link SolveStatus#NOT_CONVERGED} (the sweep cap was hit:
     * {@link #residual()} says how far the values still moved), or {@link SolveStatus#UNBOUNDED} (γ = 1 and the
     * start can reach rewards that can be collected forever: the start's value is {@code +Infinity}). Only a
     * converged result is the truth.
     */
    public SolveStatus status() {
        return status;
    }

    /**
     * One line for people, e.g. {@code "converged after 12 sweeps (γ = 1, 1408 states)"} or
     * {@code "not converged: sweep cap 100000 hit, residual 3.2e-04 (γ = 1, 1408 states)"}.
     */
    public String describeStatus() {
        String where = String.format(java.util.Locale.ROOT, " (γ = %s, %d states)", gamma, values.length);
        return switch (status) {
            case CONVERGED -> "converged after " + sweeps() + " sweeps" + where;
            case UNBOUNDED -> "unbounded: rewards that can be collected forever are reachable from the start" + where;
            default -> String.format(java.util.Locale.ROOT, "not converged: sweep cap %d hit, residual %.1e",
                    sweeps(), residual()) + where;
        };
    }

    /** Whether {@code s} belongs to the state space. */
    public boolean contains(GridState s) {
        return space.indexOf(s) >= 0;
    }

    /**
     * The value V(s) (0 on terminal states).
     *
     * @throws IllegalArgumentException if {@code s} is not in the state space
     */
    public double value(GridState s) {
        return values[indexOf(s)];
    }

    /**
     * The action value Q(s, a): the expected reward of taking {@code action} in {@code s}, then continuing.
     *
     * @throws IllegalArgumentException if {@code s} is not in the state space or the action is not in 0..3
     */
    public double q(GridState s, int action) {
        if (action < 0 || action >= 4) {
            throw new IllegalArgumentException("action " + action + " is not legal: legal actions are 0..3 "
                    + GridWorld.ACTION_LABELS);
        }
        return q[indexOf(s) * 4 + action];
    }

    /** The state space the values are indexed by. */
    GridStateSpace space() {
        return space;
    }

    /** The values by state number (not a copy: read only). */
    double[] values() {
        return values;
    }

    /** The value of state number {@code i}. */
    double valueAt(int i) {
        return values[i];
    }

    /** The Q value of state number {@code i} and action {@code a}. */
    double qAt(int i, int a) {
        return q[i * 4 + a];
    }

    /** The state number of {@code s}, checked. */
    int indexOf(GridState s) {
        int i = space.indexOf(s);
        if (i < 0) {
            throw new IllegalArgumentException("state " + s + " is not in the state space of "
                    + space.map().sourceName() + " (walls and keys masks no episode can hold are not)");
        }
        return i;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + space.map().sourceName() + ", gamma=" + gamma + ", states="
                + values.length + ", sweeps=" + sweeps() + ", status=" + status.label() + "]";
    }
}
