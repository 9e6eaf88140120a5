package dev.lantern.analysis.search;

import dev.lantern.environments.board.GameState;
import java.util.Arrays;

/**
 * One non-terminal position with its reference solution, values from the point of view of the player to move: exact
 * (minimax over the whole game) when {@code proven}, else a depth-limited search's (alpha-beta to a horizon, scored
 * by a heuristic there).
 *
 * @param state        the position, not terminal
 * @param value        its reference value for the player to move, in {@code [-1, 1]}
 * @param actionValues the reference value of each action, {@code [numDistinctActions]}; NaN for an illegal action
 * @param bestMoves    the best-move set: the legal actions whose value equals the maximum, ascending
 * @param proven       whether the value and the best-move set are the exact ones (perfect play to the end)
 */
public record ExactPosition(GameState state, double value, double[] actionValues, int[] bestMoves, boolean proven) {

    /** Checks the position is not terminal and the best-move set is not empty; copies the arrays. */
    public ExactPosition {
        if (state.isTerminal()) {
            throw new IllegalArgumentException("terminal positions have no best move:\n" + state.render());
        }
        if (bestMoves.length == 0) {
            throw new IllegalArgumentException("empty best-move set at\n" + state.render());
        }
        actionValues = actionValues.clone();
        bestMoves = bestMoves.clone();
    }

    /** A position solved exactly ({@code proven}). */
    public ExactPosition(GameState state, double value, double[] actionValues, int[] bestMoves) {
        this(state, value, actionValues, bestMoves, true);
    }

    /** The best-move set of {@code actionValues}: every legal action within {@code tolerance} of the maximum. */
    public static int[] bestMoves(double[] actionValues, double tolerance) {
        double max = Double.NEGATIVE_INFINITY;
        for (double q : actionValues) {
            if (!Double.isNaN(q)) {
                max = Math.max(max, q);
            }
        }
        final double best = max;
        return java.util.stream.IntStream.range(0, actionValues.length)
                .filter(a -> !Double.isNaN(actionValues[a]) && actionValues[a] >= best - tolerance).toArray();
    }

    /** Whether {@code action} is in the exact best-move set. */
    public boolean isBest(int action) {
        return Arrays.binarySearch(bestMoves, action) >= 0;
    }

    @Override
    public double[] actionValues() {
        return actionValues.clone();
    }

    @Override
    public int[] bestMoves() {
        return bestMoves.clone();
    }
}
