package dev.lantern.environments.board;

import dev.lantern.environments.random.Rng;
import java.util.Arrays;

/**
 * Depth-limited negamax with alpha-beta pruning and a transposition table, for {@link ConnectFour}.
 *
 * <p><b>Values</b> are from the point of view of the player to move at the searched position. A win reached
 * {@code p} plies after it (the winning move being ply {@code p}) scores {@code 1 - p / 1024}, a loss
 * {@code -(1 - p / 1024)}, so faster wins and slower losses are preferred; a full board scores 0. Every proven score
 * has magnitude above {@value #PROVEN_THRESHOLD}. At the horizon ({@code maxDepth} plies) a position that is not over
 * is scored by the heuristic below, strictly inside (-0.5, 0.5); a player who can win at once at the horizon is
 * still credited with the win. When the game ends within the horizon on every line, the result is therefore exact
 * (the game value, with the exact distance to the end).
 *
 * <p><b>Heuristic</b> (from the point of view of the player to move at the horizon): over the 69 windows of four
 * cells in a line, a window holding exactly two of a player's stones and no opponent stone counts 1, three counts 4;
 * {@code raw} is the mover's count minus the opponent's, and the value is {@code 0.5 * tanh(raw / 16)}.
 *
 * <p><b>Move ordering</b>: the transposition table's best move first, then centre-first
 * ({@code 3, 2, 4, 1, 5, 0, 6}). Among equally valued root moves the first in that order is chosen, so ties go to
 * the column nearest the centre. <b>Transposition table</b>: {@code 2^18} entries, always-replace, cleared at the
 * start of every search (so a search depends only on its arguments), storing value bounds with the remaining depth;
 * win/loss scores are stored relative to the stored position.
 *
 * <p>Not thread-safe: one thread owns a searcher (its table is reused between searches).
 */
public final class AlphaBeta {

    /** Proven wins and losses score above this in magnitude; heuristic values stay below 0.5. */
    public static final double PROVEN_THRESHOLD = 0.9;
    /** How much a win loses per ply of delay: a win at ply {@code p} scores {@code 1 - p * WIN_DECAY_PER_PLY}. */
    public static final double WIN_DECAY_PER_PLY = 1.0 / 1024;

    private static final int[] ORDER = {3, 2, 4, 1, 5, 0, 6};
    private static final int TABLE_BITS = 18;
    private static final byte EXACT = 1;
    private static final byte LOWER = 2;
    private static final byte UPPER = 3;

    private final int maxDepth;
    private final long[] keys = new long[1 << TABLE_BITS];
    private final double[] values = new double[1 << TABLE_BITS];
    private final byte[] depths = new byte[1 << TABLE_BITS];
    private final byte[] flags = new byte[1 << TABLE_BITS];
    private final byte[] moves = new byte[1 << TABLE_BITS];
    private long nodes;

    /**
     * Creates a searcher.
     *
     * @param maxDepth the horizon in plies, {@code >= 1}; 42 searches connect-four to the end
     * @throws IllegalArgumentException if {@code maxDepth < 1}
     */
    public AlphaBeta(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, got " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    /** The horizon in plies. */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Searches {@code state} to the horizon and returns the best action, its value and the nodes visited.
     *
     * @throws IllegalArgumentException if {@code state} is not a connect-four state
     * @throws IllegalStateException    if {@code state} is terminal
     */
    public SearchResult search(GameState state) {
        ConnectFourState s = root(state);
        long me = s.moverStones();
        long mask = s.mask();
        int stones = s.stones();
        int bestAction = -1;
        double best = Double.NEGATIVE_INFINITY;
        double alpha = Double.NEGATIVE_INFINITY;
        for (int c : ORDER) {
            if (!ConnectFourBits.canPlay(mask, c)) {
                continue;
            }
            long move = ConnectFourBits.moveBit(mask, c);
            double v;
            if (ConnectFourBits.hasFour(me | move)) {
                nodes++;
                v = win(1);
            } else {
                v = -negamax(mask ^ me, mask | move, stones + 1, maxDepth - 1, 1, Double.NEGATIVE_INFINITY, -alpha);
            }
            if (v > best) {
                best = v;
                bestAction = c;
                alpha = Math.max(alpha, v);
            }
        }
        return new SearchResult(bestAction, best + 0.0, nodes, maxDepth); // + 0.0 turns -0.0 into 0.0
    }

    /**
     * The value of every root action to the horizon, each searched with a full window (so each is the exact
     * depth-limited negamax value of that move, not a bound): {@code [COLS]}, NaN for a full column, from the point of
     * view of the player to move at {@code state}, scored as {@link #search} scores (a win at once is
     * {@code 1 - 1/1024}). The transposition table is cleared once at the start and shared by the moves.
     * {@link #search} is unchanged by this method and returns the maximum of these values (a test).
     *
     * @throws IllegalArgumentException if {@code state} is not a connect-four state
     * @throws IllegalStateException    if {@code state} is terminal
     */
    public double[] actionValues(GameState state) {
        ConnectFourState s = root(state);
        long me = s.moverStones();
        long mask = s.mask();
        double[] out = new double[ConnectFour.COLS];
        Arrays.fill(out, Double.NaN);
        for (int c = 0; c < ConnectFour.COLS; c++) {
            if (!ConnectFourBits.canPlay(mask, c)) {
                continue;
            }
            long move = ConnectFourBits.moveBit(mask, c);
            if (ConnectFourBits.hasFour(me | move)) {
                nodes++;
                out[c] = win(1);
            } else {
                out[c] = -negamax(mask ^ me, mask | move, s.stones() + 1, maxDepth - 1, 1, Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY) + 0.0;
            }
        }
        return out;
    }

    /** Checks {@code state} can be searched, clears the table and the node count, and returns it as a bitboard. */
    private ConnectFourState root(GameState state) {
        if (!(state instanceof ConnectFourState s)) {
            throw new IllegalArgumentException("AlphaBeta searches " + ConnectFour.ID + " states only, got a state of "
                    + state.game().id());
        }
        if (s.isTerminal()) {
            throw new IllegalStateException("cannot search a terminal state:\n" + s.render());
        }
        Arrays.fill(keys, 0L);
        Arrays.fill(flags, (byte) 0);
        nodes = 1;
        return s;
    }

    private static double win(int ply) {
        return 1.0 - ply * WIN_DECAY_PER_PLY;
    }

    /** Value for the owner of {@code me}, {@code ply} plies below the root, with {@code depth} plies left. */
    private double negamax(long me, long mask, int stones, int depth, int ply, double alpha, double beta) {
        nodes++;
        if (stones == ConnectFour.ROWS * ConnectFour.COLS) {
            return 0.0;
        }
        for (int c = 0; c < ConnectFour.COLS; c++) {
            if (ConnectFourBits.canPlay(mask, c) && ConnectFourBits.hasFour(me | ConnectFourBits.moveBit(mask, c))) {
                return win(ply + 1);
            }
        }
        if (depth == 0) {
            return ConnectFourBits.heuristic(me, mask ^ me);
        }
        long key = me + mask + ConnectFourBits.BOTTOM;
        int slot = slot(key);
        int ttMove = -1;
        double alphaOrig = alpha;
        if (flags[slot] != 0 && keys[slot] == key) {
            ttMove = moves[slot];
            if (depths[slot] >= depth) {
                double v = fromTable(values[slot], ply);
                byte flag = flags[slot];
                if (flag == EXACT) {
                    return v;
                }
                if (flag == LOWER) {
                    alpha = Math.max(alpha, v);
                } else {
                    beta = Math.min(beta, v);
                }
                if (alpha >= beta) {
                    return v;
                }
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestMove = -1;
        for (int i = -1; i < ORDER.length; i++) {
            int c = i < 0 ? ttMove : ORDER[i];
            if (c < 0 || (i >= 0 && c == ttMove) || !ConnectFourBits.canPlay(mask, c)) {
                continue;
            }
            long child = mask | ConnectFourBits.moveBit(mask, c);
            double v = -negamax(mask ^ me, child, stones + 1, depth - 1, ply + 1, -beta, -alpha);
            if (v > best) {
                best = v;
                bestMove = c;
                if (v > alpha) {
                    alpha = v;
                    if (alpha >= beta) {
                        break;
                    }
                }
            }
        }
        keys[slot] = key;
        values[slot] = toTable(best, ply);
        depths[slot] = (byte) depth;
        moves[slot] = (byte) bestMove;
        flags[slot] = best <= alphaOrig ? UPPER : best >= beta ? LOWER : EXACT;
        return best;
    }

    private static int slot(long key) {
        long h = key * Rng.GOLDEN_GAMMA; // Fibonacci hashing
        return (int) (h >>> (64 - TABLE_BITS));
    }

    /** Root-relative win/loss score to one relative to the stored position ({@code ply} plies below the root). */
    private static double toTable(double v, int ply) {
        if (v > PROVEN_THRESHOLD) {
            return v + ply * WIN_DECAY_PER_PLY;
        }
        if (v < -PROVEN_THRESHOLD) {
            return v - ply * WIN_DECAY_PER_PLY;
        }
        return v;
    }

    private static double fromTable(double v, int ply) {
        if (v > PROVEN_THRESHOLD) {
            return v - ply * WIN_DECAY_PER_PLY;
        }
        if (v < -PROVEN_THRESHOLD) {
            return v + ply * WIN_DECAY_PER_PLY;
        }
        return v;
    }
}
