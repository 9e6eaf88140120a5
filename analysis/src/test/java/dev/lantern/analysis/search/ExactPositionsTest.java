package dev.lantern.analysis.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.board.TicTacToe;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactPositionsTest {

    private static final int[][] LINES = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8},
        {0, 4, 8}, {2, 4, 6}};

    @Test
    void ticTacToeHas5478PositionsOf4520AreNotTerminal() {
        assertEquals(5478, ExactPositions.reachable(TicTacToe.instance()).size());
        List<ExactPosition> positions = ExactPositions.nonTerminal(TicTacToe.instance());
        assertEquals(4520, positions.size());
        int[] independent = countByBoards();
        assertEquals(independent[0], 5478);
        assertEquals(independent[1], positions.size());
    }

    @Test
    void theStartIsADrawEveryMoveOfWhichDraws() {
        ExactPosition start = ExactPositions.nonTerminal(TicTacToe.instance()).get(0);
        assertEquals(0, start.state().history().length);
        assertEquals(0.0, start.value());
        assertEquals(9, start.bestMoves().length);
        for (ExactPosition p : ExactPositions.nonTerminal(TicTacToe.instance())) {
            assertTrue(p.bestMoves().length >= 1);
            assertEquals(p.value(), p.actionValues()[p.bestMoves()[0]]);
        }
    }

    /**
     * Counts tic-tac-toe positions without playing a move: over all 3^9 fillings of the board, those with as many x as
     * o or one more, not won by both, won by x only with one more x and by o only with as many, are the reachable
     * ones; the non-terminal among them have no line and an empty cell. Returns {reachable, non-terminal}.
     */
    private static int[] countByBoards() {
        int reachable = 0;
        int open = 0;
        for (int code = 0; code < 19683; code++) {
            int[] cell = new int[9];
            int c = code;
            int xs = 0;
            int os = 0;
            for (int i = 0; i < 9; i++) {
                cell[i] = c % 3;
                c /= 3;
                xs += cell[i] == 1 ? 1 : 0;
                os += cell[i] == 2 ? 1 : 0;
            }
            boolean xWins = wins(cell, 1);
            boolean oWins = wins(cell, 2);
            boolean counts = xs == os || xs == os + 1;
            if (!counts || (xWins && oWins) || (xWins && xs != os + 1) || (oWins && xs != os)) {
                continue;
            }
            reachable++;
            if (!xWins && !oWins && xs + os < 9) {
                open++;
            }
        }
        return new int[] {reachable, open};
    }

    private static boolean wins(int[] cell, int who) {
        for (int[] l : LINES) {
            if (cell[l[0]] == who && cell[l[1]] == who && cell[l[2]] == who) {
                return true;
            }
        }
        return false;
    }
}
