package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.analysis.search.AlphaBetaPositions;
import dev.lantern.environments.board.AlphaBeta;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.MinimaxSolution;
import dev.lantern.environments.board.TicTacToe;
import org.junit.jupiter.api.Test;

/** The game view's exact judgements on positions worked out by hand, against minimax and alpha-beta. */
class GameAnalystTest {

    private static GameState play(GameState s, int... moves) {
        for (int m : moves) {
            s = s.next(m);
        }
        return s;
    }

    @Test
    void connectFourWinInOneIsProvenAndItsColumnIsTheOnlyBestMove() {
        // x holds columns 0..2 of the bottom row, o stacked on them; x to move wins at column 3
        GameState s = play(ConnectFour.instance().initialState(), 0, 0, 1, 1, 2, 2);
        ExactVerdict v = new GameAnalyst(ConnectFour.instance(), 1.5, 1).exact(s, 4);
        assertArrayEquals(new int[] {3}, v.bestMoves(), v.method());
        assertEquals(1 - AlphaBeta.WIN_DECAY_PER_PLY, v.value(), 1e-15, "a win at the first ply");
        assertTrue(v.proven());
        assertEquals("alpha-beta depth 4, proven", v.method());
        assertEquals(new AlphaBeta(4).search(s).value(), v.value(), 1e-15, "the root value is alpha-beta's");
    }

    @Test
    void connectFourOpeningIsADepthLimitedHeuristic() {
        GameState s = ConnectFour.instance().initialState();
        ExactVerdict v = new GameAnalyst(ConnectFour.instance(), 1.5, 1).exact(s, 3);
        assertFalse(v.proven());
        assertEquals("alpha-beta depth 3 heuristic", v.method());
        assertTrue(Math.abs(v.value()) < 0.5, "heuristic values stay inside (-0.5, 0.5): " + v.value());
        assertEquals(new AlphaBeta(3).search(s).value(), v.value(), 1e-12, "the root value is alpha-beta's");
        assertEquals(7, v.bestMoves().length + countWorse(v), "every column judged");
    }

    @Test
    void connectFourDrawSearchedToTheEndIsProven() {
        // late positions whose every line ends within the horizon: alpha-beta's draw there is the game's value, as
        // AlphaBetaPositions labels it (proven); the view must not call it a heuristic
        GameAnalyst analyst = new GameAnalyst(ConnectFour.instance(), 1.5, 1);
        AlphaBeta toTheEnd = new AlphaBeta(42);
        int draws = 0;
        for (GameState s : AlphaBetaPositions.sampleStates(90, 7)) {
            if (s.history().length < 34 || AlphaBetaPositions.label(toTheEnd, s).value() != 0) {
                continue;
            }
            draws++;
            ExactVerdict v = analyst.exact(s, 42 - s.history().length);
            assertEquals(0, v.value(), 0, s.render());
            assertTrue(v.proven(), v.method() + "\n" + s.render());
            assertEquals("alpha-beta depth " + (42 - s.history().length) + ", proven", v.method());
        }
        assertTrue(draws > 0, "the sample holds late drawn positions");
    }

    @Test
    void connectFourMoveValuesAreAlphaBetasAtTheChosenDepthOneIncluded() {
        // the view's per-move values are those of AlphaBeta.actionValues at the depth it names, so its root value is
        // AlphaBeta(depth).search's; at depth 1 too (the view used to search 2 plies there and call it depth 1)
        GameAnalyst analyst = new GameAnalyst(ConnectFour.instance(), 1.5, 1);
        for (GameState s : AlphaBetaPositions.sampleStates(9, 3)) {
            for (int depth = 1; depth <= 3; depth++) {
                ExactVerdict v = analyst.exact(s, depth);
                assertArrayEquals(new AlphaBeta(depth).actionValues(s), v.actionValues(), 1e-12,
                        "depth " + depth + "\n" + s.render());
                assertEquals(new AlphaBeta(depth).search(s).value(), v.value(), 1e-12, "depth " + depth);
            }
        }
    }

    @Test
    void ticTacToeIsMinimax() {
        MinimaxSolution solution = Minimax.solve(TicTacToe.instance());
        GameState s = play(TicTacToe.instance().initialState(), 0, 4, 8);
        ExactVerdict v = new GameAnalyst(TicTacToe.instance(), 1.5, 1).exact(s, 1);
        assertEquals(solution.value(s), v.value(), 0);
        assertArrayEquals(solution.actionValues(s), v.actionValues(), 0);
        // o in the centre against x in two corners must take an edge: a corner loses to a fork
        assertArrayEquals(new int[] {1, 3, 5, 7}, v.bestMoves());
        assertEquals("minimax (exact)", v.method());
    }

    private static int countWorse(ExactVerdict v) {
        int n = 0;
        for (int a = 0; a < 7; a++) {
            if (!v.isBest(a)) {
                n++;
            }
        }
        return n;
    }
}
