package dev.lantern.app.lab;

import dev.lantern.analysis.search.ExactPosition;

/**
 * The exact (or depth-limited) judgement of a non-terminal position, from the point of view of the player to move:
 * its values and best moves ({@link ExactPosition}), whether they are the game's truth, and how they were computed.
 *
 * @param position the position with its value (the minimax game value for tic-tac-toe; alpha-beta's value for
 *                 connect-four: {@code ±(1 - p/1024)} for a win or loss {@code p} plies ahead, a heuristic inside
 *                 (-0.5, 0.5) beyond the horizon), each action's value (NaN if illegal) and the best-move set
 * @param proven   whether the value is the game's true value (always for minimax; for alpha-beta when the best move's
 *                 value is a proven win or loss, see {@link dev.lantern.environments.board.SearchResult#proven()},
 *                 or when every line ends within the horizon)
 * @param method   how it was computed, as the view prints it: {@code minimax (exact)}, {@code alpha-beta depth 8,
 *                 proven} or {@code alpha-beta depth 8 heuristic}
 */
public record ExactVerdict(ExactPosition position, boolean proven, String method) {

    /** The position's value for the player to move. */
    public double value() {
        return position.value();
    }

    /** Each action's value, {@code [numDistinctActions]}; NaN for an illegal action. A copy. */
    public double[] actionValues() {
        return position.actionValues();
    }

    /** The best moves, ascending. A copy. */
    public int[] bestMoves() {
        return position.bestMoves();
    }

    /** Whether {@code action} is one of the best moves. */
    public boolean isBest(int action) {
        return position.isBest(action);
    }
}
