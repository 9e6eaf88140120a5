package dev.lantern.environments.board;

/** A tic-tac-toe position as two 9-bit masks (bit {@code row * 3 + col}). */
final class TicTacToeState extends AbstractGameState {

    private static final int FULL = 0x1FF;
    private static final int[] LINES = {
        0b000000111, 0b000111000, 0b111000000, // rows
        0b001001001, 0b010010010, 0b100100100, // columns
        0b100010001, 0b001010100,              // diagonals
    };

    private final TicTacToe game;
    private final int x;
    private final int o;
    private final int winner;

    TicTacToeState(TicTacToe game, int x, int o, int[] history) {
        super(history);
        this.game = game;
        this.x = x;
        this.o = o;
        this.winner = wins(x) ? 0 : wins(o) ? 1 : -1;
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
        return (moveCount() & 1) == 0 ? new TicTacToeState(game, x | bit, o, nextHistory)
                : new TicTacToeState(game, x, o | bit, nextHistory);
    }

    @Override
    public Game game() {
        return game;
    }

    @Override
    public int[] legalActions() {
        if (isTerminal()) {
            return new int[0];
        }
        int empty = ~(x | o) & FULL;
        int[] actions = new int[Integer.bitCount(empty)];
        int n = 0;
        for (int a = 0; a < 9; a++) {
            if ((empty & (1 << a)) != 0) {
                actions[n++] = a;
            }
        }
        return actions;
    }

    @Override
    public boolean isLegal(int action) {
        return action >= 0 && action < 9 && !isTerminal() && ((x | o) & (1 << action)) == 0;
    }

    @Override
    public boolean isTerminal() {
        return winner >= 0 || (x | o) == FULL;
    }

    @Override
    public double[] returns() {
        return winner == 0 ? new double[] {1, -1} : winner == 1 ? new double[] {-1, 1} : new double[] {0, 0};
    }

    @Override
    public void observe(int player, float[] buffer, int offset) {
        prepareObservation(player, buffer, offset);
        int own = player == 0 ? x : o;
        int opp = player == 0 ? o : x;
        for (int cell = 0; cell < 9; cell++) {
            if ((own & (1 << cell)) != 0) {
                buffer[offset + Game.PLANE_OWN * 9 + cell] = 1f;
            } else if ((opp & (1 << cell)) != 0) {
                buffer[offset + Game.PLANE_OPPONENT * 9 + cell] = 1f;
            }
        }
    }

    @Override
    public String render() {
        StringBuilder sb = new StringBuilder(18);
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                int bit = 1 << (row * 3 + col);
                sb.append((x & bit) != 0 ? 'x' : (o & bit) != 0 ? 'o' : '.').append(col < 2 ? ' ' : '\n');
            }
        }
        return sb.toString();
    }

    @Override
    public long key() {
        return x | ((long) o << 9);
    }
}
