package dev.lantern.environments.board;

/** A tic-tac-toe position as two 9-bit masks (bit {@code row * 3 + col}). */
final class TicTacToeState extends AbstractGameState {

    private static final int[] LINES = {
        0b000000111, 0b000111000, 0b111000000, // rows
        0b001001001, 0b010010010, 0b100100100, // columns
        0b100010001, 0b001010100,              // diagonals
    };

    private final int x;
    private final int o;

    TicTacToeState(TicTacToe game, int x, int o, int[] history) {
        super(game, history, wins(x) ? 0 : wins(o) ? 1 : -1);
        this.x = x;
        this.o = o;
    }

    private static boolean wins(int stones) {
        for (int line : LINES) {
            if ((stones & line) == line) {
                return true;
            }
        }
        return false;
    }

    @Override
    GameState play(int action, int[] nextHistory) {
        int bit = 1 << action;
        return (moveCount() & 1) == 0 ? new TicTacToeState(TicTacToe.instance(), x | bit, o, nextHistory)
                : new TicTacToeState(TicTacToe.instance(), x, o | bit, nextHistory);
    }

    @Override
    int stoneAt(int row, int col) {
        int bit = 1 << (row * TicTacToe.SIZE + col);
        return (x & bit) != 0 ? 0 : (o & bit) != 0 ? 1 : -1;
    }

    @Override
    boolean open(int action) {
        return ((x | o) & (1 << action)) == 0;
    }

    @Override
    public long key() {
        return x | ((long) o << 9);
    }
}
