package dev.lantern.analysis.search;

import dev.lantern.environments.board.GameState;
import java.util.Arrays;

/**
 * One non-terminal position with its exact solution, values from the point of view of the player to move.
 *
 * @param state        the position, not terminal
 * @param value        its exact game value for the player to move, in {@code [-1, 1]}
 * @param actionValues the exact value of each action, {@code [numDistinctActions]}; NaN for an illegal action
 * @param bestMoves    the exact best-move set: the legal actions whose value equals the maximum, ascending
 */
public record ExactPosition(GameState state, double value, double[] actionValues, int[] bestMoves) {

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
