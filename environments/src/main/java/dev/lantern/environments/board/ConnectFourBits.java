package dev.lantern.environments.board;

/**
 * Bitboard arithmetic for connect-four (layout on {@link ConnectFour}) and the horizon heuristic of
 * {@link AlphaBeta}. A position is {@code (me, mask)}: the stones of the player to move and all stones.
 */
final class ConnectFourBits {

    /** Bit of column 0..6 at row 0 (the bottom). */
    static final long BOTTOM;
    /** Every playable cell (rows 0..5 of every column). */
    static final long BOARD;
    /** Every window of four cells in a line (69 of them). */
    static final long[] WINDOWS;
    /** Weight of a window holding two stones of one player and two empty cells. */
    static final int OPEN_TWO_WEIGHT = 1;
    /** Weight of a window holding three stones of one player and one empty cell. */
    static final int OPEN_THREE_WEIGHT = 4;
    /** The raw heuristic count is divided by this before the tanh. */
    static final double HEURISTIC_SCALE = 16.0;
    /** The heuristic lies strictly inside {@code (-HEURISTIC_BOUND, HEURISTIC_BOUND)}. */
    static final double HEURISTIC_BOUND = 0.5;

    static {
        long bottom = 0;
        for (int c = 0; c < ConnectFour.COLS; c++) {
            bottom |= 1L << (7 * c);
        }
        BOTTOM = bottom;
        BOARD = bottom * 0x3FL;
        long[] windows = new long[69];
        int n = 0;
        int[][] directions = {{0, 1}, {1, 0}, {1, 1}, {1, -1}}; // (dc, dr)
        for (int[] d : directions) {
            for (int c = 0; c < ConnectFour.COLS; c++) {
                for (int r = 0; r < ConnectFour.ROWS; r++) {
                    int c3 = c + 3 * d[0];
                    int r3 = r + 3 * d[1];
                    if (c3 < 0 || c3 >= ConnectFour.COLS || r3 < 0 || r3 >= ConnectFour.ROWS) {
                        continue;
                    }
                    long w = 0;
                    for (int i = 0; i < 4; i++) {
                        w |= bit(c + i * d[0], r + i * d[1]);
                    }
                    windows[n++] = w;
                }
            }
        }
        if (n != windows.length) {
            throw new IllegalStateException("expected 69 windows, built " + n);
        }
        WINDOWS = windows;
    }

    private ConnectFourBits() {
    }

    /** The bit of column {@code col}, row {@code row} (0 at the bottom). */
    static long bit(int col, int row) {
        return 1L << (7 * col + row);
    }

    /** Whether column {@code col} has an empty cell. */
    static boolean canPlay(long mask, int col) {
        return (mask & bit(col, ConnectFour.ROWS - 1)) == 0;
    }

    /** The single bit where a stone dropped into {@code col} lands; the column must be playable. */
    static long moveBit(long mask, int col) {
        return (mask + bit(col, 0)) & (0x3FL << (7 * col));
    }

    /** Whether {@code stones} contain four in a line. */
    static boolean hasFour(long stones) {
        long m = stones & (stones >>> 7); // horizontal
        if ((m & (m >>> 14)) != 0) {
            return true;
        }
        m = stones & (stones >>> 6); // diagonal down-right
        if ((m & (m >>> 12)) != 0) {
            return true;
        }
        m = stones & (stones >>> 8); // diagonal up-right
        if ((m & (m >>> 16)) != 0) {
            return true;
        }
        m = stones & (stones >>> 1); // vertical
        return (m & (m >>> 2)) != 0;
    }

    /**
     * The horizon heuristic from the point of view of the player owning {@code me}: over the 69 windows of four,
     * {@code raw = sum(own) - sum(opponent)} where a window counts {@value #OPEN_TWO_WEIGHT} if it holds exactly two
     * stones of that player and no opponent stone, {@value #OPEN_THREE_WEIGHT} for three; the result is
     * {@code 0.5 * tanh(raw / 16)}, strictly inside (-0.5, 0.5), so below any proven win or loss.
     */
    static double heuristic(long me, long opp) {
        int raw = 0;
        for (long w : WINDOWS) {
            int mine = Long.bitCount(me & w);
            int theirs = Long.bitCount(opp & w);
            if (theirs == 0) {
                raw += mine == 2 ? OPEN_TWO_WEIGHT : mine == 3 ? OPEN_THREE_WEIGHT : 0;
            } else if (mine == 0) {
                raw -= theirs == 2 ? OPEN_TWO_WEIGHT : theirs == 3 ? OPEN_THREE_WEIGHT : 0;
            }
        }
        return HEURISTIC_BOUND * Math.tanh(raw / HEURISTIC_SCALE);
    }
}
