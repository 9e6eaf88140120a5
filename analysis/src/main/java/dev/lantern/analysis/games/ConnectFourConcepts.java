package dev.lantern.analysis.games;

import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.search.ExactPosition;
import dev.lantern.analysis.search.LabelledPositions;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import java.util.ArrayList;
import java.util.List;

/**
 * Connect-four concepts over labelled positions ({@link LabelledPositions}, a sample), one value per position, for the
 * {@link Concept} probes (issue 12, point 5). "To move" and "opponent" are relative to the side to move, as the
 * network's observation is. A cell <b>completes a four</b> for a player when it is empty and a stone of that player
 * there would make four in a row, column or diagonal.
 *
 * <ul>
 *   <li>{@code win now}: a legal move of the side to move wins at once (by the rules: the move is played);</li>
 *   <li>{@code opponent win now}: a playable cell (a column's next cell) completes a four for the opponent;</li>
 *   <li>{@code threats (to move)}, {@code threats (opponent)}: cells completing a four for that side that are not
 *       playable yet (three in a window, the fourth cell above a column's next cell), quantities;</li>
 *   <li>{@code centre col (to move)}, {@code centre col (opponent)}: stones in the centre column,
 *       quantities;</li>
 *   <li>{@code stones x}, {@code stones o}: the pieces of each player, quantities;</li>
 *   <li>{@code alpha-beta value}: the position's reference value for the side to move (the outcome +1/0/-1 where
 *       proven, the horizon heuristic otherwise), a quantity.</li>
 * </ul>
 */
public final class ConnectFourConcepts {

    private static final int ROWS = ConnectFour.ROWS;
    private static final int COLS = ConnectFour.COLS;
    private static final int CENTRE = COLS / 2;
    private static final int[][] DIRECTIONS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
    private static final List<String> NO_YES = List.of("no", "yes");

    private ConnectFourConcepts() {
    }

    /**
     * Every concept above over {@code labelled}'s positions, in the order listed (position {@code i} of each concept
     * is {@code labelled.positions().get(i)}).
     *
     * @throws IllegalArgumentException if the positions are not connect-four's
     */
    public static List<Concept> builtIn(LabelledPositions labelled) {
        if (!labelled.game().id().equals(ConnectFour.ID)) {
            throw new IllegalArgumentException("connect-four concepts need " + ConnectFour.ID + " positions, not "
                    + labelled.game().id());
        }
        List<ExactPosition> positions = labelled.positions();
        int n = positions.size();
        double[][] v = new double[9][n];
        for (int i = 0; i < n; i++) {
            ExactPosition p = positions.get(i);
            GameState s = p.state();
            int[][] board = board(s);
            int mover = s.currentPlayer();
            v[0][i] = winsAtOnce(s) ? 1 : 0;
            v[1][i] = completing(board, 2, true) > 0 ? 1 : 0;
            v[2][i] = completing(board, 1, false);
            v[3][i] = completing(board, 2, false);
            for (int r = 0; r < ROWS; r++) {
                v[4][i] += board[r][CENTRE] == 1 ? 1 : 0;
                v[5][i] += board[r][CENTRE] == 2 ? 1 : 0;
                for (int c = 0; c < COLS; c++) {
                    int owner = board[r][c] == 0 ? -1 : board[r][c] == 1 ? mover : 1 - mover;
                    v[6][i] += owner == 0 ? 1 : 0;
                    v[7][i] += owner == 1 ? 1 : 0;
                }
            }
            v[8][i] = p.value();
        }
        List<Concept> out = new ArrayList<>();
        out.add(new Concept("win now", Concept.Kind.CLASS, v[0], null, NO_YES));
        out.add(new Concept("opponent win now", Concept.Kind.CLASS, v[1], null, NO_YES));
        out.add(new Concept("threats (to move)", Concept.Kind.QUANTITY, v[2]));
        out.add(new Concept("threats (opponent)", Concept.Kind.QUANTITY, v[3]));
        out.add(new Concept("centre col (to move)", Concept.Kind.QUANTITY, v[4]));
        out.add(new Concept("centre col (opponent)", Concept.Kind.QUANTITY, v[5]));
        out.add(new Concept("stones x", Concept.Kind.QUANTITY, v[6]));
        out.add(new Concept("stones o", Concept.Kind.QUANTITY, v[7]));
        out.add(new Concept("alpha-beta value", Concept.Kind.QUANTITY, v[8]));
        return List.copyOf(out);
    }

    /** Whether a legal move of the side to move ends the game with its win (the move is played by the rules). */
    static boolean winsAtOnce(GameState s) {
        int mover = s.currentPlayer();
        for (int a : s.legalActions()) {
            GameState t = s.next(a);
            if (t.isTerminal() && t.returns()[mover] > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The board as the side to move observes it, {@code [ROWS][COLS]}, row 0 at the top: 0 empty, 1 the mover's
     * stone, 2 the opponent's.
     */
    static int[][] board(GameState s) {
        float[] obs = s.observation(s.currentPlayer());
        int cells = ROWS * COLS;
        int[][] b = new int[ROWS][COLS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                int k = r * COLS + c;
                b[r][c] = obs[Game.PLANE_OWN * cells + k] != 0 ? 1 : obs[Game.PLANE_OPPONENT * cells + k] != 0 ? 2 : 0;
            }
        }
        return b;
    }

    /**
     * The empty cells completing a four for {@code who} (1 the mover, 2 the opponent): the playable ones (a column's
     * next cell) when {@code playable}, else those not yet playable.
     */
    static int completing(int[][] b, int who, boolean playable) {
        int count = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                boolean next = b[r][c] == 0 && (r == ROWS - 1 || b[r + 1][c] != 0);
                if (b[r][c] == 0 && next == playable && completesFour(b, r, c, who)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean completesFour(int[][] b, int r, int c, int who) {
        for (int[] d : DIRECTIONS) {
            int run = 1 + stretch(b, r, c, d[0], d[1], who) + stretch(b, r, c, -d[0], -d[1], who);
            if (run >= 4) {
                return true;
            }
        }
        return false;
    }

    private static int stretch(int[][] b, int r, int c, int dr, int dc, int who) {
        int k = 0;
        for (int rr = r + dr, cc = c + dc; rr >= 0 && rr < ROWS && cc >= 0 && cc < COLS && b[rr][cc] == who;
                rr += dr, cc += dc) {
            k++;
        }
        return k;
    }
}
