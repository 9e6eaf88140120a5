package dev.lantern.environments.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Minimax on tic-tac-toe against facts known about the game. */
class MinimaxTest {

    private static MinimaxSolution solution;

    @BeforeAll
    static void solve() {
        solution = Minimax.solve(TicTacToe.instance());
    }

    static GameState play(Game game, int... actions) {
        GameState s = game.initialState();
        for (int a : actions) {
            s = s.next(a);
        }
        return s;
    }

    @Test
    void visitsTheKnownNumberOfReachablePositions() {
        assertEquals(5478, solution.reachableStates());
    }

    @Test
    void emptyBoardIsADrawWhateverTheFirstMove() {
        GameState empty = TicTacToe.instance().initialState();
        assertEquals(0.0, solution.value(empty));
        assertArrayEquals(new double[9], solution.actionValues(empty));
        assertEquals(0, solution.bestAction(empty), "ties go to the lowest action");
    }

    @Test
    void xWinsInOne() {
        // x x .
        // o o .
        // . . .
        GameState s = play(TicTacToe.instance(), 0, 3, 1, 4);
        assertEquals(0, s.currentPlayer());
        assertEquals(1.0, solution.value(s));
        assertEquals(2, solution.bestAction(s));
        assertEquals(1.0, solution.actionValues(s)[2]);
        assertTrue(Double.isNaN(solution.actionValues(s)[0]), "illegal actions are NaN");
        GameState won = s.next(2);
        assertArrayEquals(new double[] {1, -1}, won.returns());
        assertEquals(-1.0, solution.value(won), "a terminal position is valued for the player whose turn it would be");
    }

    @Test
    void oMustBlock() {
        // x x .
        // . o .
        // . . .
        GameState s = play(TicTacToe.instance(), 0, 4, 1);
        assertEquals(1, s.currentPlayer());
        assertEquals(0.0, solution.value(s));
        assertEquals(2, solution.bestAction(s));
        double[] q = solution.actionValues(s);
        for (int a : s.legalActions()) {
            assertEquals(a == 2 ? 0.0 : -1.0, q[a], "action " + a);
        }
    }

    @Test
    void rejectsMisuse() {
        GameState terminal = play(TicTacToe.instance(), 0, 3, 1, 4, 2);
        assertThrows(IllegalStateException.class, () -> solution.bestAction(terminal));
        assertThrows(IllegalArgumentException.class, () -> solution.value(ConnectFour.instance().initialState()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Minimax.solve(ConnectFour.instance(), 1000));
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Minimax.solve(TicTacToe.instance(), 0));
    }
}
