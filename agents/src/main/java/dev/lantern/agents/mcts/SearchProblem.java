package dev.lantern.agents.mcts;

/**
 * What {@link Mcts} needs to know about a domain: legal actions, transitions with rewards, terminal values, and
 * whether the player to move alternates (two-player zero-sum) or stays (one agent).
 *
 * <p>Values are always from the point of view of the player to move in the state they belong to. Step rewards are
 * from the point of view of the player who took the step. The value of taking {@code a} in {@code s} is
 * {@code reward + discount() * sign * value(next)}, where {@code sign} is -1 if {@link #alternating()} and +1
 * otherwise. Implementations: {@link GameProblem}, {@link SimulatorProblem}.
 *
 * @param <S> the immutable state type
 */
public interface SearchProblem<S> {

    /** Number of distinct actions: every legal action lies in {@code [0, actionCount())}. */
    int actionCount();

    /** True if no step may be taken from {@code state}. */
    boolean isTerminal(S state);

    /**
     * Writes the legal actions of {@code state}, ascending, into {@code out[0..n)} and returns {@code n}; 0 at a
     * terminal state. {@code out} has at least {@link #actionCount()} entries.
     */
    int legalActions(S state, int[] out);

    /**
     * The state after {@code action}; writes the step's reward (for the player who moved) into {@code reward[0]}.
     *
     * @throws IllegalArgumentException for an illegal action
     */
    S step(S state, int action, double[] reward);

    /** The value of a terminal {@code state} for the player whose turn it would be. */
    double terminalValue(S state);

    /** True for two-player zero-sum games, where values are negated from one ply to the next. */
    boolean alternating();

    /** Discount applied per step, in {@code (0, 1]}. */
    double discount();

    /**
     * The most steps a search looks ahead from its root (tree plus rollout); a state that deep counts as a leaf worth
     * 0. {@link Integer#MAX_VALUE} for games, which end on their own.
     */
    int horizon();
}
