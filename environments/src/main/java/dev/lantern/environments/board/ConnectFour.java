package dev.lantern.environments.board;

/**
 * Connect-four on 6 rows x 7 columns with gravity: a stone dropped into a column lands on the lowest empty cell;
 * four in a row, column or diagonal wins.
 *
 * <p><b>Actions</b> (7): the column, 0 (left) to 6; a column is legal while it has an empty cell.
 * <b>Observation</b>: {@code [3, 6, 7]} planes as documented on {@link Game}, row 0 at the top.
 * <b>Returns</b>: +1 to the winner, -1 to the loser, 0 each for a draw. <b>Termination</b>: four in a line, or a
 * full board (42 moves). Player 0 ({@code x}) moves first.
 *
 * <p>States are two 64-bit bitboards in the standard layout: column {@code c}, row {@code r} (0 at the bottom) is
 * bit {@code 7 * c + r}, bit {@code 7 * c + 6} is an always-empty sentinel, so a move and a win check are a few
 * shifts and masks. {@link GameState#key()} is {@code stones0 + allStones + bottomRow}, the usual unique encoding
 * (49 bits).
 */
public final class ConnectFour extends BoardGame {

    /** The registered id. */
    public static final String ID = "game/connect-four-v1";
    /** Rows of the board. */
    public static final int ROWS = 6;
    /** Columns of the board, and the number of actions. */
    public static final int COLS = 7;

    private static final ConnectFour INSTANCE = new ConnectFour();

    private ConnectFour() {
        super(ID, ROWS, COLS, COLS,
                g -> new ConnectFourState((ConnectFour) g, 0L, 0L, -1, new int[0]));
    }

    /** The game (it has no parameters, so one instance serves everyone). */
    public static ConnectFour instance() {
        return INSTANCE;
    }

    /** {@code col<c>}, e.g. {@code col3} for the centre column (action 3). */
    @Override
    String label(int action) {
        return "col" + action;
    }
}
