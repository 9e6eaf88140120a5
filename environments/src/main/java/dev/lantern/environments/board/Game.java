package dev.lantern.environments.board;

/**
 * A two-player, zero-sum, perfect-information game with integer actions: the description of the game, and the
 * factory of its {@link #initialState() initial state}.
 *
 * <p>Actions are integers in {@code [0, numDistinctActions())}; which of them are legal depends on the state.
 * Observations are flat {@code float[]} in the row-major layout {@link #observationShape()}
 * {@code [3, rows, cols]}, flat index {@code plane * rows * cols + row * cols + col}, row 0 at the top as in
 * {@link GameState#render()}. Planes: 0 = the observing player's stones, 1 = the opponent's stones, 2 = all ones
 * when player 0 is to move (all zeros when player 1 is to move or the game is over).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Game {

    /** Observation plane: the stones of the observing player. */
    int PLANE_OWN = 0;
    /** Observation plane: the stones of the observing player's opponent. */
    int PLANE_OPPONENT = 1;
    /** Observation plane: all ones when player 0 is to move, else all zeros. */
    int PLANE_PLAYER0_TO_MOVE = 2;
    /** Number of observation planes. */
    int PLANE_COUNT = 3;

    /** The versioned id, e.g. {@code game/tic-tac-toe-v1}. */
    String id();

    /** Number of players; 2 for every game here. */
    int numPlayers();

    /** Number of distinct actions: every action of every state lies in {@code [0, numDistinctActions())}. */
    int numDistinctActions();

    /** The state before the first move: empty board, player 0 to move, empty history. */
    GameState initialState();

    /** A copy of the observation shape {@code [3, rows, cols]}. */
    int[] observationShape();

    /** Number of floats in one observation: the product of {@link #observationShape()}. */
    default int observationSize() {
        int n = 1;
        for (int d : observationShape()) {
            n *= d;
        }
        return n;
    }

    /**
     * A short human-readable label of an action, e.g. {@code r1c2} (tic-tac-toe) or {@code col3} (connect-four).
     *
     * @throws IllegalArgumentException if {@code action} is outside {@code [0, numDistinctActions())}
     */
    String actionLabel(int action);
}
