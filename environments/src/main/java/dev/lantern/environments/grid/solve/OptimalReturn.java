package dev.lantern.environments.grid.solve;

import java.util.Locale;
import java.util.Objects;

/**
 * The best expected episode return a policy can reach on a grid world, the same quantity as the agent's
 * {@code episode/return} and {@code eval/return}: the UNDISCOUNTED sum of rewards of an episode that starts from the
 * start distribution and ends when it terminates or its time limit truncates it. Computed by {@link FiniteHorizon}.
 *
 * <p>{@link #value()} is a number only when {@link #status()} is {@link SolveStatus#EXACT}; otherwise it is NaN and
 * {@link #reason()} says why (e.g. too large to solve). On stochastic maps it is an expectation: the mean return of a
 * finite number of episodes may lie above it by chance.
 *
 * @param value   the optimal expected return, or NaN when not solved
 * @param status  {@link SolveStatus#EXACT} or {@link SolveStatus#TOO_LARGE}
 * @param horizon the time limit honoured, in steps
 * @param states  states in the state space, or -1 when it was not built
 * @param reason  why there is no value (empty when {@code status} is exact)
 */
public record OptimalReturn(double value, SolveStatus status, int horizon, long states, String reason) {

    /** Checks that a value is given exactly when the status is {@link SolveStatus#EXACT}. */
    public OptimalReturn {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if ((status == SolveStatus.EXACT) == Double.isNaN(value)) {
            throw new IllegalArgumentException("status " + status.label() + " with value " + value);
        }
    }

    /** Whether {@link #value()} is the true optimum. */
    public boolean known() {
        return status == SolveStatus.EXACT;
    }

    /**
     * One line for people: {@code "0.9800 (exact, time limit 200 steps, 3 states)"}, or
     * {@code "not solved: <reason>"}.
     */
    public String describe() {
        if (known()) {
            return String.format(Locale.ROOT, "%.4f (exact, time limit %d steps, %d states)", value, horizon, states);
        }
        return "not solved (" + status.label() + "): " + reason;
    }
}
