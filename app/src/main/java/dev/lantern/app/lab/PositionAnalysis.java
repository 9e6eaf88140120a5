package dev.lantern.app.lab;

import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.environments.board.GameState;

/**
 * What the game view shows for one position: the network's prior and value, the search's visits and Q, and the exact
 * judgement. Arrays are indexed by action ({@code [numDistinctActions]}); values and Q are for the player to move.
 * Immutable once made (the tree is finished when it is handed over), so it crosses from the view's worker thread to
 * the FX thread.
 *
 * @param state      the position
 * @param snapshot   the number of the network snapshot ({@link GameFeed.Snapshot#sequence()}) it was computed with;
 *                   -1 when there is no network (a terminal position, or before the first snapshot)
 * @param prior      the network's prior over the legal moves (softmax of the legal logits, no root noise); NaN for an
 *                   illegal move; null at a terminal position
 * @param value      the network's value of the position for the player to move; NaN at a terminal position
 * @param visits     the PUCT search's visit counts per move; null at a terminal position
 * @param q          the search's mean value per move for the player to move; NaN for an illegal or unvisited move
 * @param tree       the whole search tree (for the tree view); null at a terminal position
 * @param exact      the exact value and best moves; null at a terminal position
 */
public record PositionAnalysis(GameState state, long snapshot, double[] prior, double value, int[] visits, double[] q,
        SearchTree<GameState> tree, ExactVerdict exact) {

    /** The analysis of a finished game: nothing to search. */
    static PositionAnalysis terminal(GameState state) {
        return new PositionAnalysis(state, -1, null, Double.NaN, null, null, null, null);
    }

    /** The simulations the search ran (0 at a terminal position). */
    public int simulations() {
        return tree == null ? 0 : tree.simulations();
    }

    /** The visit share of {@code action}: visits over simulations (0 at a terminal position). */
    public double visitShare(int action) {
        return visits == null || simulations() == 0 ? 0 : (double) visits[action] / simulations();
    }
}
