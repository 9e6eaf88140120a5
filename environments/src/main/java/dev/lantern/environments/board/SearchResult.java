package dev.lantern.environments.board;

/**
 * The outcome of one {@link AlphaBeta#search(GameState)}.
 *
 * @param bestAction the action chosen for the player to move (a column for connect-four)
 * @param value      the value of the searched position for the player to move: {@code 1 - p / 1024} for a win
 *                   {@code p} plies ahead, {@code -(1 - p / 1024)} for a loss, 0 for a draw, or a heuristic value
 *                   strictly inside (-0.5, 0.5) when the outcome lies beyond the horizon
 * @param nodes      the number of positions visited, the root included
 * @param depth      the depth limit of the search, in plies
 */
public record SearchResult(int bestAction, double value, long nodes, int depth) {

    /** Whether the value is a proven win or loss (its magnitude exceeds any heuristic value). */
    public boolean proven() {
        return Math.abs(value) > AlphaBeta.PROVEN_THRESHOLD;
    }
}
