package dev.lantern.analysis.games;

import dev.lantern.analysis.circuits.Concept;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.MinimaxSolution;
import dev.lantern.environments.board.TicTacToe;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact tic-tac-toe concepts over {@link GamePositions}, one value per position, for the {@link Concept} probes of
 * {@link dev.lantern.analysis.circuits} (issue 12, point 5). "To move" and "opponent" are relative to the side to
 * move, as the network's observation is (own stones, the opponent's, whose turn).
 *
 * <ul>
 *   <li>{@code win now}: the side to move has an immediate win (an empty cell completing a line of its stones);</li>
 *   <li>{@code opponent threat}: the opponent has such a cell (a win the mover must block);</li>
 *   <li>{@code fork (to move)}, {@code fork (opponent)}: that side has two or more such cells (two threats);</li>
 *   <li>{@code centre}: the centre cell is empty (0), the mover's (1) or the opponent's (2);</li>
 *   <li>{@code stones x}, {@code stones o}: the pieces of each player, quantities;</li>
 *   <li>{@code minimax value}: the exact value for the side to move under perfect play ({@link Minimax}), loss (0),
 *       draw (1) or win (2).</li>
 * </ul>
 * Every one is a class but the stone counts.
 */
public final class GameConcepts {

    /** The eight lines of three, as 9-bit masks (bit {@code row * 3 + col}). */
    static final int[] LINES = {
        0b000000111, 0b000111000, 0b111000000,
        0b001001001, 0b010010010, 0b100100100,
        0b100010001, 0b001010100,
    };

    private static final int CENTRE = 1 << 4;
    private static final List<String> NO_YES = List.of("no", "yes");

    private GameConcepts() {
    }

    /**
     * Every concept above over {@code positions}, in the order listed.
     *
     * @throws IllegalArgumentException if the positions are not of tic-tac-toe (the only game with concepts so far)
     */
    public static List<Concept> builtIn(GamePositions positions) {
        Game game = positions.game();
        if (!game.id().equals(TicTacToe.ID)) {
            throw new IllegalArgumentException("game concepts are defined for " + TicTacToe.ID + ", not "
                    + game.id());
        }
        int n = positions.size();
        double[] winNow = new double[n];
        double[] threat = new double[n];
        double[] forkMover = new double[n];
        double[] forkOpponent = new double[n];
        double[] centre = new double[n];
        double[] stonesX = new double[n];
        double[] stonesO = new double[n];
        double[] value = new double[n];
        MinimaxSolution solution = Minimax.solve(game);
        for (int i = 0; i < n; i++) {
            GameState s = positions.position(i);
            int[] masks = masks(s);
            int mover = masks[s.currentPlayer()];
            int opponent = masks[1 - s.currentPlayer()];
            int empty = ~(mover | opponent) & 0x1ff;
            int moverThreats = Integer.bitCount(winningCells(mover, empty));
            int opponentThreats = Integer.bitCount(winningCells(opponent, empty));
            winNow[i] = moverThreats > 0 ? 1 : 0;
            threat[i] = opponentThreats > 0 ? 1 : 0;
            forkMover[i] = moverThreats >= 2 ? 1 : 0;
            forkOpponent[i] = opponentThreats >= 2 ? 1 : 0;
            centre[i] = (mover & CENTRE) != 0 ? 1 : (opponent & CENTRE) != 0 ? 2 : 0;
            stonesX[i] = Integer.bitCount(masks[0]);
            stonesO[i] = Integer.bitCount(masks[1]);
            value[i] = solution.value(s) + 1;
        }
        List<Concept> out = new ArrayList<>();
        out.add(new Concept("win now", Concept.Kind.CLASS, winNow, null, NO_YES));
        out.add(new Concept("opponent threat", Concept.Kind.CLASS, threat, null, NO_YES));
        out.add(new Concept("fork (to move)", Concept.Kind.CLASS, forkMover, null, NO_YES));
        out.add(new Concept("fork (opponent)", Concept.Kind.CLASS, forkOpponent, null, NO_YES));
        out.add(new Concept("centre", Concept.Kind.CLASS, centre, null, List.of("empty", "mover", "opponent")));
        out.add(new Concept("stones x", Concept.Kind.QUANTITY, stonesX));
        out.add(new Concept("stones o", Concept.Kind.QUANTITY, stonesO));
        out.add(new Concept("minimax value", Concept.Kind.CLASS, value, null, List.of("loss", "draw", "win")));
        return List.copyOf(out);
    }

    /**
     * The stones of x (index 0) and o (index 1) as 9-bit masks, read from the position's observation by player 0
     * (plane 0: x's stones, plane 1: o's).
     */
    static int[] masks(GameState s) {
        float[] obs = s.observation(0);
        int cells = TicTacToe.SIZE * TicTacToe.SIZE;
        int x = 0;
        int o = 0;
        for (int c = 0; c < cells; c++) {
            x |= obs[Game.PLANE_OWN * cells + c] != 0 ? 1 << c : 0;
            o |= obs[Game.PLANE_OPPONENT * cells + c] != 0 ? 1 << c : 0;
        }
        return new int[] {x, o};
    }

    /** The empty cells (of {@code empty}) that complete a line of {@code stones}, as a mask. */
    static int winningCells(int stones, int empty) {
        int cells = 0;
        for (int line : LINES) {
            int missing = line & ~stones;
            if (Integer.bitCount(missing) == 1 && (missing & empty) != 0) {
                cells |= missing;
            }
        }
        return cells;
    }
}
