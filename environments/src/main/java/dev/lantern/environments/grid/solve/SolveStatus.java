package dev.lantern.environments.grid.solve;

/**
 * How an exact solve ended, carried to every place that shows its numbers (the lab, {@code lantern validate-map},
 * {@code manifest.json}, {@code eval/optimal_return}): only {@link #EXACT} and {@link #CONVERGED} results are the
 * truth; the others say why there is no number to trust.
 */
public enum SolveStatus {

    /** Solved exactly in finitely many steps (the finite-horizon solve of {@link FiniteHorizon}). */
    EXACT("exact"),
    /** Sweeps stopped because no value changed by the tolerance or more. */
    CONVERGED("converged"),
    /** The sweep cap was hit first: the values are not the fixed point (the residual says how far they moved). */
    NOT_CONVERGED("not-converged"),
    /**
     * Returns grow without bound (γ = 1 and a reward that can be collected forever, with no time limit honoured):
     * there is no finite optimum.
     */
    UNBOUNDED("unbounded"),
    /** Not solved: the state space, or its size times the horizon, is beyond what the solver takes on. */
    TOO_LARGE("too-large");

    private final String label;

    SolveStatus(String label) {
        this.label = label;
    }

    /** The status as written in files and messages: {@code exact}, {@code converged}, {@code not-converged}, ... */
    public String label() {
        return label;
    }

    /** Whether the numbers of a solve with this status are the true values ({@link #EXACT} or {@link #CONVERGED}). */
    public boolean isTruth() {
        return this == EXACT || this == CONVERGED;
    }
}
