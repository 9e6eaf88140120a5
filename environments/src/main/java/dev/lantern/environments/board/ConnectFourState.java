package dev.lantern.environments.board;

/** A connect-four position as two bitboards (layout on {@link ConnectFour}). */
final class ConnectFourState extends AbstractGameState {

    private final long stones0;
    private final long stones1;

    ConnectFourState(ConnectFour game, long stones0, long stones1, int winner, int[] history) {
        super(game, history, winner);
        this.stones0 = stones0;
        this.stones1 = stones1;
    }

    @Override
    GameState play(int action, int[] nextHistory) {
        long move = ConnectFourBits.moveBit(stones0 | stones1, action);
        if ((moveCount() & 1) == 0) {
            long s = stones0 | move;
            return new ConnectFourState(ConnectFour.instance(), s, stones1, ConnectFourBits.hasFour(s) ? 0 : -1,
                    nextHistory);
        }
        long s = stones1 | move;
        return new ConnectFourState(ConnectFour.instance(), stones0, s, ConnectFourBits.hasFour(s) ? 1 : -1,
                nextHistory);
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
    int stoneAt(int row, int col) {
        long bit = ConnectFourBits.bit(col, ConnectFour.ROWS - 1 - row);
        return (stones0 & bit) != 0 ? 0 : (stones1 & bit) != 0 ? 1 : -1;
    }

    @Override
    boolean open(int action) {
        return ConnectFourBits.canPlay(mask(), action);
    }

    @Override
    public long key() {
        return stones0 + mask() + ConnectFourBits.BOTTOM;
    }
}
