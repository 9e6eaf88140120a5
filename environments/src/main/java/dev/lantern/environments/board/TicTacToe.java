package dev.lantern.environments.board;

/**
 * Tic-tac-toe on a 3 x 3 board: three in a row, column or diagonal wins.
 *
 * <p><b>Actions</b> (9): the cell {@code row * 3 + col}, row 0 at the top; a cell is legal while empty.
 * <b>Observation</b>: {@code [3, 3, 3]} planes as documented on {@link Game}. <b>Returns</b>: +1 to the winner,
 * -1 to the loser, 0 each for a draw. <b>Termination</b>: a line of three, or a full board.
 * Player 0 ({@code x}) moves first. {@link GameState#key()} is {@code xMask | oMask << 9} with bit
 * {@code row * 3 + col}.
 */
public final class TicTacToe extends BoardGame {

    /** The registered id. */
    public static final String ID = "game/tic-tac-toe-v1";
    /** Rows (and columns) of the board. */
    public static final int SIZE = 3;

    private static final TicTacToe INSTANCE = new TicTacToe();

    private TicTacToe() {
        super(ID, SIZE, SIZE, SIZE * SIZE,
                g -> new TicTacToeState((TicTacToe) g, 0, 0, new int[0]));
    }

    /** The game (it has no parameters, so one instance serves everyone). */
    public static TicTacToe instance() {
        return INSTANCE;
    }

    /** {@code r<row>c<col>}, e.g. {@code r1c1} for the centre (action 4). */
    @Override
    String label(int action) {
        return "r" + action / SIZE + "c" + action % SIZE;
    }
}
