package dev.lantern.environments.board;

/**
 * The shared part of the two-player stone games (tic-tac-toe, connect-four): an id, a {@code rows x cols} board
 * observed as {@code [PLANE_COUNT, rows, cols]} planes, and one instance per game (they have no parameters).
 */
abstract class BoardGame implements Game {

    /** Rows of the board, row 0 at the top as observed and rendered. */
    final int rows;
    /** Columns of the board. */
    final int cols;
    private final String id;
    private final int actions;
    private final GameState initial;

    /**
     * @param initial makes the empty board's state of this game (called once, here: a state refers to its game)
     */
    BoardGame(String id, int rows, int cols, int actions, java.util.function.Function<BoardGame, GameState> initial) {
        this.id = id;
        this.rows = rows;
        this.cols = cols;
        this.actions = actions;
        this.initial = initial.apply(this);
    }

    @Override
    public final GameState initialState() {
        return initial;
    }

    /** {@inheritDoc} The action is checked against the game's range first. */
    @Override
    public final String actionLabel(int action) {
        AbstractGameState.checkActionRange(this, action);
        return label(action);
    }

    /** The label of an action known to be in range. */
    abstract String label(int action);

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int[] observationShape() {
        return new int[] {PLANE_COUNT, rows, cols};
    }

    @Override
    public final int numPlayers() {
        return 2;
    }

    @Override
    public final String toString() {
        return id;
    }

    @Override
    public final int numDistinctActions() {
        return actions;
    }
}
