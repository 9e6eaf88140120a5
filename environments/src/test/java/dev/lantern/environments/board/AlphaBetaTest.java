package dev.lantern.environments.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Alpha-beta on connect-four: tactics, and exact values against a brute-force search near the end. */
class AlphaBetaTest {

    private static final double STEP = AlphaBeta.WIN_DECAY_PER_PLY;
    private static final Game GAME = ConnectFour.instance();

    @Test
    void takesAnImmediateWin() {
        // x has three in column 0; o has 1, 1, 2
        GameState s = MinimaxTest.play(GAME, 0, 1, 0, 1, 0, 2);
        for (int depth : new int[] {1, 2, 6}) {
            SearchResult r = new AlphaBeta(depth).search(s);
            assertEquals(0, r.bestAction(), "depth " + depth);
            assertEquals(1.0 - STEP, r.value());
            assertTrue(r.proven());
        }
    }

    @Test
    void blocksAnImmediateLoss() {
        // x has three in column 1; o (to move) has 6, 6
        GameState s = MinimaxTest.play(GAME, 1, 6, 1, 6, 1);
        assertEquals(1, s.currentPlayer());
        for (int depth : new int[] {2, 4, 7}) {
            SearchResult r = new AlphaBeta(depth).search(s);
            assertEquals(1, r.bestAction(), "depth " + depth);
        }
    }

    @Test
    void solvesNearEndPositionsExactly() {
        List<GameState> positions = nearEndPositions(12, 10);
        assertEquals(12, positions.size());
        int decided = 0;
        for (GameState s : positions) {
            int empty = 42 - s.history().length;
            Map<Long, Double> memo = new HashMap<>();
            double exact = bruteForce(s, memo);
            decided += exact == 0.0 ? 0 : 1;
            for (int depth : new int[] {empty, 42}) {
                SearchResult r = new AlphaBeta(depth).search(s);
                assertEquals(exact, r.value(), "depth " + depth + " value of\n" + s.render());
                GameState after = s.next(r.bestAction());
                double chosen = after.isTerminal() ? (after.returns()[s.currentPlayer()] > 0 ? 1 - STEP : 0.0)
                        : parentValue(bruteForce(after, memo));
                assertEquals(exact, chosen, "the chosen action " + r.bestAction() + " is optimal in\n" + s.render());
            }
        }
        assertTrue(decided > 0, "some positions are proven wins or losses: " + decided);
    }

    @Test
    void horizonValuesComeFromTheHeuristicAndSearchIsDeterministic() {
        GameState s = GAME.initialState();
        SearchResult a = new AlphaBeta(6).search(s);
        SearchResult b = new AlphaBeta(6).search(s);
        assertEquals(a, b);
        assertFalse(a.proven());
        assertTrue(Math.abs(a.value()) < 0.5, "value " + a.value());
        assertEquals(3, a.bestAction(), "the centre column is best at depth 6");
        assertTrue(a.nodes() > 1 && a.nodes() < 200_000, "nodes " + a.nodes());
        assertEquals(6, a.depth());
    }

    @Test
    void rejectsMisuse() {
        assertThrows(IllegalArgumentException.class, () -> new AlphaBeta(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AlphaBeta(3).search(TicTacToe.instance().initialState()));
        assertTrue(e.getMessage().contains(TicTacToe.ID), e.getMessage());
        GameState over = MinimaxTest.play(GAME, 0, 1, 0, 1, 0, 1, 0);
        assertTrue(over.isTerminal());
        assertThrows(IllegalStateException.class, () -> new AlphaBeta(3).search(over));
    }

    /** Non-terminal positions with at most {@code maxEmpty} empty cells, from seeded random playouts. */
    private static List<GameState> nearEndPositions(int count, int maxEmpty) {
        List<GameState> found = new ArrayList<>();
        for (long seed = 0; found.size() < count && seed < 100_000; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            GameState s = GAME.initialState();
            while (!s.isTerminal() && 42 - s.history().length > maxEmpty) {
                int[] legal = s.legalActions();
                s = s.next(legal[rng.nextInt(legal.length)]);
            }
            if (!s.isTerminal()) {
                found.add(s);
            }
        }
        return found;
    }

    /** A child's value (for its mover) seen from the parent's mover, one ply further from the end. */
    private static double parentValue(double child) {
        return child > 0 ? -child + STEP : child < 0 ? -child - STEP : 0.0;
    }

    /**
     * The exact value for the player to move, every line played out (no pruning, no horizon): a win whose winning
     * move is {@code p} plies ahead scores {@code 1 - p * STEP}. Memoized by key, which is sound because the value is
     * relative to the position.
     */
    private static double bruteForce(GameState s, Map<Long, Double> memo) {
        Double known = memo.get(s.key());
        if (known != null) {
            return known;
        }
        int mover = s.currentPlayer();
        double best = Double.NEGATIVE_INFINITY;
        for (int a : s.legalActions()) {
            GameState n = s.next(a);
            double v = n.isTerminal() ? (n.returns()[mover] > 0 ? 1 - STEP : 0.0) : parentValue(bruteForce(n, memo));
            best = Math.max(best, v);
        }
        memo.put(s.key(), best);
        return best;
    }
}
