package dev.lantern.analysis.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.analysis.circuits.Concept;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.TicTacToe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tic-tac-toe concepts against an independent brute force over all 3^9 boards (own lines, own rules), and the
 * immediate win against the game's own rules (play each legal move, see who won).
 */
class GameConceptsTest {

    private static GamePositions positions;
    private static List<Concept> concepts;
    /** key (x | o << 9) -> {winNow, threat, forkMover, forkOpponent, centre, stonesX, stonesO} by brute force. */
    private static Map<Long, int[]> brute;

    @BeforeAll
    static void enumerate() {
        positions = GamePositions.of(TicTacToe.instance());
        concepts = GameConcepts.builtIn(positions);
        brute = bruteForce();
    }

    /** Every board as digits base 3 (0 empty, 1 x, 2 o): legal (x = o or o + 1), no line, not full. */
    private static Map<Long, int[]> bruteForce() {
        int[][] lines = new int[8][];
        for (int i = 0; i < 3; i++) {
            lines[i] = new int[] {3 * i, 3 * i + 1, 3 * i + 2};
            lines[3 + i] = new int[] {i, i + 3, i + 6};
        }
        lines[6] = new int[] {0, 4, 8};
        lines[7] = new int[] {2, 4, 6};
        Map<Long, int[]> out = new HashMap<>();
        for (int code = 0; code < 19683; code++) {
            int[] cell = new int[9];
            int xs = 0;
            int os = 0;
            for (int c = 0, v = code; c < 9; c++, v /= 3) {
                cell[c] = v % 3;
                xs += cell[c] == 1 ? 1 : 0;
                os += cell[c] == 2 ? 1 : 0;
            }
            if ((xs != os && xs != os + 1) || xs + os == 9 || completes(lines, cell, 1) || completes(lines, cell, 2)) {
                continue;
            }
            int mover = xs == os ? 1 : 2;
            int moverWins = winningMoves(lines, cell, mover);
            int opponentWins = winningMoves(lines, cell, 3 - mover);
            int centre = cell[4] == 0 ? 0 : cell[4] == mover ? 1 : 2;
            long key = 0;
            for (int c = 0; c < 9; c++) {
                key |= cell[c] == 1 ? 1L << c : cell[c] == 2 ? 1L << (9 + c) : 0;
            }
            out.put(key, new int[] {moverWins > 0 ? 1 : 0, opponentWins > 0 ? 1 : 0, moverWins >= 2 ? 1 : 0,
                opponentWins >= 2 ? 1 : 0, centre, xs, os});
        }
        return out;
    }

    private static boolean completes(int[][] lines, int[] cell, int p) {
        for (int[] l : lines) {
            if (cell[l[0]] == p && cell[l[1]] == p && cell[l[2]] == p) {
                return true;
            }
        }
        return false;
    }

    /** How many empty cells would complete a line of {@code p}. */
    private static int winningMoves(int[][] lines, int[] cell, int p) {
        int n = 0;
        for (int c = 0; c < 9; c++) {
            if (cell[c] == 0) {
                cell[c] = p;
                n += completes(lines, cell, p) ? 1 : 0;
                cell[c] = 0;
            }
        }
        return n;
    }

    @Test
    void theReachableNonTerminalPositionsAreTheLegalUnfinishedBoards() {
        assertEquals(4520, positions.size(), "5478 legal positions less 958 terminal ones");
        assertEquals(4520, brute.size());
        for (GameState s : positions.positions()) {
            assertTrue(brute.containsKey(s.key()), s.render());
        }
    }

    @Test
    void everyConceptAgreesWithTheBruteForceAtEveryPosition() {
        int[] counts = new int[7];
        for (int i = 0; i < positions.size(); i++) {
            int[] expected = brute.get(positions.position(i).key());
            for (int c = 0; c < 7; c++) {
                assertEquals(expected[c], concepts.get(c).value(i), concepts.get(c).name() + " at\n"
                        + positions.position(i).render());
            }
            counts[0] += expected[0];
            counts[1] += expected[1];
        }
        assertTrue(counts[0] > 0 && counts[0] < positions.size(), "win now in " + counts[0] + " positions");
        assertTrue(counts[1] > 0 && counts[1] < positions.size(), "threat in " + counts[1] + " positions");
    }

    @Test
    void anImmediateWinIsAMoveTheRulesScoreAsAWin() {
        Concept winNow = concepts.get(0);
        int byRules = 0;
        int byLines = 0;
        for (int i = 0; i < positions.size(); i++) {
            GameState s = positions.position(i);
            boolean wins = false;
            for (int a : s.legalActions()) {
                GameState next = s.next(a);
                wins |= next.isTerminal() && next.returns()[s.currentPlayer()] > 0;
            }
            assertEquals(wins ? 1 : 0, winNow.value(i), s.render());
            byRules += wins ? 1 : 0;
            byLines += (int) winNow.value(i);
        }
        assertEquals(byRules, byLines);
    }

    @Test
    void theMinimaxValueOfTheStartIsADrawAndAWinNowIsAWin() {
        Concept value = concepts.get(7);
        assertEquals("minimax value", value.name());
        assertEquals(1, value.value(0), "the empty board is a draw");
        for (int i = 0; i < positions.size(); i++) {
            if (concepts.get(0).value(i) == 1) {
                assertEquals(2, value.value(i), positions.position(i).render());
            }
        }
        assertEquals("win", value.labelName(2));
    }
}
