package dev.lantern.environments.board;

/** A connect-four position as two bitboards (layout on {@link ConnectFour}). */
final class ConnectFourState extends AbstractGameState {

    private final ConnectFour game;
    private final long stones0;
    private final long stones1;
    private final int winner;

    ConnectFourState(ConnectFour game, long stones0, long stones1, int winner, int[] history) {
        super(history);
        this.game = game;
        this.stones0 = stones0;
        this.stones1 = stones1;
        this.winner = winner;
    }

    @Override
    GameState play(int action, int[] nextHistory) {
        long move = ConnectFourBits.moveBit(stones0 | stones1, action);
        if ((moveCount() & 1) == 0) {
            long s = stones0 | move;
            return new ConnectFourState(game, s, stones1, ConnectFourBits.hasFour(s) ? 0 : -1, nextHistory);
        }
        long s = stones1 | move;
        return new ConnectFourState(game, stones0, s, ConnectFourBits.hasFour(s) ? 1 : -1, nextHistory);
    }

    /** The stones of the player to move (player 0's stones at a terminal state with an even move count). */
    long moverStones() {
        return (moveCount() & 1) == 0 ? stones0 : stones1;
    }

    /** All stones on the board. */
    long mask() {
        return stones0 | stones1;
    }

    /** Number of stones on the board. */
    int stones() {
        return moveCount();
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
        long mask = mask();
        int n = 0;
        for (int c = 0; c < ConnectFour.COLS; c++) {
            if (ConnectFourBits.canPlay(mask, c)) {
                n++;
            }
        }
        int[] actions = new int[n];
        n = 0;
        for (int c = 0; c < ConnectFour.COLS; c++) {
            if (ConnectFourBits.canPlay(mask, c)) {
                actions[n++] = c;
            }
        }
        return actions;
    }

    @Override
    public boolean isLegal(int action) {
        return action >= 0 && action < ConnectFour.COLS && !isTerminal() && ConnectFourBits.canPlay(mask(), action);
    }

    @Override
    public boolean isTerminal() {
        return winner >= 0 || moveCount() == ConnectFour.ROWS * ConnectFour.COLS;
    }

    @Override
    public double[] returns() {
        return winner == 0 ? new double[] {1, -1} : winner == 1 ? new double[] {-1, 1} : new double[] {0, 0};
    }

    @Override
    public void observe(int player, float[] buffer, int offset) {
        prepareObservation(player, buffer, offset);
        long own = player == 0 ? stones0 : stones1;
        long opp = player == 0 ? stones1 : stones0;
        int planeSize = ConnectFour.ROWS * ConnectFour.COLS;
        for (int row = 0; row < ConnectFour.ROWS; row++) {
            int bitRow = ConnectFour.ROWS - 1 - row;
            for (int col = 0; col < ConnectFour.COLS; col++) {
                long bit = ConnectFourBits.bit(col, bitRow);
                int cell = row * ConnectFour.COLS + col;
                if ((own & bit) != 0) {
                    buffer[offset + Game.PLANE_OWN * planeSize + cell] = 1f;
                } else if ((opp & bit) != 0) {
                    buffer[offset + Game.PLANE_OPPONENT * planeSize + cell] = 1f;
                }
            }
        }
    }

    @Override
    public String render() {
        StringBuilder sb = new StringBuilder(ConnectFour.ROWS * ConnectFour.COLS * 2);
        for (int row = ConnectFour.ROWS - 1; row >= 0; row--) {
            for (int col = 0; col < ConnectFour.COLS; col++) {
                long bit = ConnectFourBits.bit(col, row);
                sb.append((stones0 & bit) != 0 ? 'x' : (stones1 & bit) != 0 ? 'o' : '.')
                        .append(col < ConnectFour.COLS - 1 ? ' ' : '\n');
            }
        }
        return sb.toString();
    }

    @Override
    public long key() {
        return stones0 + mask() + ConnectFourBits.BOTTOM;
    }
}
