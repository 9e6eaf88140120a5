package dev.lantern.app.lab;

/**
 * The exact (or depth-limited) judgement of a position, from the point of view of the player to move.
 *
 * @param value        the position's value: the minimax game value (tic-tac-toe), or alpha-beta's value
 *                     ({@code ±(1 - p/1024)} for a win/loss {@code p} plies ahead, a heuristic inside (-0.5, 0.5)
 *                     beyond the horizon) for connect-four
 * @param actionValues the value of each action, {@code [numDistinctActions]}; NaN for an illegal action
 * @param bestMoves    the legal actions whose value is the maximum, ascending
 * @param proven       whether {@code value} is the game's true value (always for minimax; for alpha-beta when the best
 *                     move's value is a proven win or loss, see {@link dev.lantern.environments.board.SearchResult#proven()})
 * @param method       how it was computed, as the view prints it: {@code minimax (exact)}, {@code alpha-beta depth 8,
 *                     proven} or {@code alpha-beta depth 8 heuristic}
 */
public record ExactVerdict(double value, double[] actionValues, int[] bestMoves, boolean proven, String method) {

    /** Copies the arrays. */
    public ExactVerdict {
        actionValues = actionValues.clone();
        bestMoves = bestMoves.clone();
    }

    @Override
    public double[] actionValues() {
        return actionValues.clone();
    }

    @Override
    public int[] bestMoves() {
        return bestMoves.clone();
    }

    /** Whether {@code action} is one of the best moves. */
    public boolean isBest(int action) {
        for (int a : bestMoves) {
            if (a == action) {
                return true;
            }
        }
        return false;
    }
}
