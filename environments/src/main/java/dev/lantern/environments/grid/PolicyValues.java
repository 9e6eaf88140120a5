package dev.lantern.environments.grid;

/**
 * The exact values V^π and Q^π of one policy in a grid world, computed by {@link PolicyEvaluation}. Immutable.
 * Terminal states have value 0; asking about a state outside the state space is an IllegalArgumentException.
 */
public final class PolicyValues {

    private final GridStateSpace space;
    private final double gamma;
    private final double[] values;
    private final double[] q;
    private final int sweeps;
    private final double residual;
    private final boolean converged;

    PolicyValues(GridStateSpace space, double gamma, double[] values, double[] q, int sweeps, double residual,
            boolean converged) {
        this.space = space;
        this.gamma = gamma;
        this.values = values;
        this.q = q;
        this.sweeps = sweeps;
        this.residual = residual;
        this.converged = converged;
    }

    /** V^π(s). */
    public double value(GridState s) {
        return values[indexOf(s)];
    }

    /** Q^π(s, a): the reward of taking {@code a} in {@code s}, then following π. */
    public double q(GridState s, int action) {
        if (action < 0 || action >= 4) {
            throw new IllegalArgumentException("action must be in 0..3, got " + action);
        }
        return q[indexOf(s) * 4 + action];
    }

    /** True if {@code s} is in the evaluated state space. */
    public boolean contains(GridState s) {
        return space.indexOf(s) >= 0;
    }

    /** Number of states evaluated. */
    public int stateCount() {
        return values.length;
    }

    /** The discount factor. */
    public double gamma() {
        return gamma;
    }

    /** Sweeps run. */
    public int sweeps() {
        return sweeps;
    }

    /** The largest value change in the last sweep. */
    public double residual() {
        return residual;
    }

    /** True if the sweeps stopped below the tolerance (false: capped; with gamma 1, π may not end episodes). */
    public boolean converged() {
        return converged;
    }

    private int indexOf(GridState s) {
        int i = space.indexOf(s);
        if (i < 0) {
            throw new IllegalArgumentException("state " + s + " is not in the evaluated state space");
        }
        return i;
    }
}
