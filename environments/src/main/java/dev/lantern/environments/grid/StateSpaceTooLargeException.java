package dev.lantern.environments.grid;

/**
 * The state space of a map has more than {@link GridStateSpace#MAX_STATES} states, so the exact solvers do not build
 * it; the message names the map. Callers that show a solve's result report "not solved: too large" instead.
 */
public final class StateSpaceTooLargeException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    StateSpaceTooLargeException(String message) {
        super(message);
    }
}
