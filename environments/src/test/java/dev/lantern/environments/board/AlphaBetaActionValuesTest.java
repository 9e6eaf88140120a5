package dev.lantern.environments.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.random.Rng;
import org.junit.jupiter.api.Test;

class AlphaBetaActionValuesTest {

    @Test
    void theSearchReturnsTheBestOfTheFullWindowActionValues() {
        Rng rng = new Rng(11);
        AlphaBeta ab = new AlphaBeta(5);
        int checked = 0;
        for (int game = 0; game < 30; game++) {
            GameState s = ConnectFour.instance().initialState();
            while (!s.isTerminal()) {
                SearchResult r = ab.search(s);
                double[] q = ab.actionValues(s);
                double best = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < ConnectFour.COLS; c++) {
                    assertEquals(!s.isLegal(c), Double.isNaN(q[c]), "column " + c + "\n" + s.render());
                    if (s.isLegal(c)) {
                        best = Math.max(best, q[c]);
                    }
                }
                assertEquals(r.value(), best, s.render());
                assertEquals(best, q[r.bestAction()], "the chosen column has the best value\n" + s.render());
                checked++;
                int[] legal = s.legalActions();
                s = s.next(legal[rng.nextInt(legal.length)]);
            }
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    @Test
    void aWinAtOnceScoresPlyOneAndBeatsEveryOtherColumn() {
        // x on columns 0, 1, 2 of the bottom row, o on top of each: x wins at once in column 3
        GameState s = ConnectFour.instance().initialState().next(0).next(0).next(1).next(1).next(2).next(2);
        double[] q = new AlphaBeta(3).actionValues(s);
        assertEquals(1 - AlphaBeta.WIN_DECAY_PER_PLY, q[3]);
        for (int c : new int[] {0, 1, 2, 4, 5, 6}) {
            assertTrue(q[c] < q[3], "column " + c + " is worse than winning at once");
        }
    }
}
