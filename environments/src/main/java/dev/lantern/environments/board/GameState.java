package dev.lantern.environments.board;

/**
 * One immutable position of a {@link Game}, together with the actions that led to it.
 *
 * <p>Players are numbered 0 (moves first, rendered {@code x}) and 1 ({@code o}). {@link #next(int)} returns a new
 * state and never changes this one; it validates the action in one place for every game. Two states are
 * {@code equals} when they belong to the same game and have the same history.
 */
public interface GameState {

    /** The game this state belongs to. */
    Game game();

    /** The player to move, 0 or 1; -1 once the game is over. */
    int currentPlayer();

    /** The legal actions in ascending order, a fresh array; empty if and only if the state is terminal. */
    int[] legalActions();

    /** Whether {@code action} is legal here; false for any action outside the action range and at a terminal state. */
    boolean isLegal(int action);

    /**
     * The state after the player to move plays {@code action}; this state is unchanged.
     *
     * @throws IllegalStateException    if this state is terminal
     * @throws IllegalArgumentException if {@code action} is not legal here; the message names it and the legal ones
     */
    GameState next(int action);

    /** Whether the game is over (a win or a full board). */
    boolean isTerminal();

    /**
     * The returns of both players, index = player: {@code {+1, -1}} or {@code {-1, +1}} for a win, {@code {0, 0}}
     * for a draw and for every non-terminal state. Always sums to zero. A fresh array.
     */
    double[] returns();

    /**
     * Writes the observation of this state as seen by {@code player} into {@code buffer} at {@code offset}:
     * exactly {@code game().observationSize()} floats, in the layout documented on {@link Game}.
     *
     * @throws IllegalArgumentException if {@code player} is not 0 or 1, or the buffer is too short
     */
    void observe(int player, float[] buffer, int offset);

    /** A fresh array with {@link #observe(int, float[], int) the observation} of {@code player}. */
    default float[] observation(int player) {
        float[] buffer = new float[game().observationSize()];
        observe(player, buffer, 0);
        return buffer;
    }

    /** The actions played since the initial state, oldest first, a fresh array; its length is the move count. */
    int[] history();

    /**
     * A picture of the board, one line per row (top row first), cells separated by spaces: {@code x} for player 0,
     * {@code o} for player 1, {@code .} for empty; every line ends with a newline. Stable across versions.
     */
    String render();

    /**
     * A number that identifies the position (the stones on the board; whose turn it is follows from them), unique
     * among the positions of this game: two states have equal keys if and only if they have the same stones.
     * Meant for memoization and transposition tables.
     */
    long key();
}
