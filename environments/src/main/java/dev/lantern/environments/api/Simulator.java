package dev.lantern.environments.api;

/**
 * A side-effect-free model of an environment's dynamics, for planners (MCTS in grid worlds): step any state without
 * touching the live environment. States are immutable values.
 *
 * @param <S> the state type (e.g. {@code GridState})
 */
public interface Simulator<S> {

    /** The live environment's current state, as a value that later steps of the environment do not change. */
    S currentState();

    /** Number of actions; every action is legal in every non-terminal state. */
    int actionCount();

    /** True if {@code state} is terminal (no step may be taken from it). */
    boolean isTerminal(S state);

    /**
     * The outcome of taking {@code action} in {@code state}; {@code state} is not changed.
     *
     * @throws IllegalArgumentException for an action outside {@code [0, actionCount)} or a state the map cannot hold
     * @throws IllegalStateException if {@code state} is terminal
     */
    SimulatedStep<S> step(S state, int action);
}
