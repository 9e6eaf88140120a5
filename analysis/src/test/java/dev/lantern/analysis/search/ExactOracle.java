package dev.lantern.analysis.search;

import dev.lantern.agents.mcts.BatchEvaluator;
import dev.lantern.agents.mcts.SearchProblem;
import dev.lantern.environments.board.GameState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made "network" that knows the exact solution: its value is the exact value; its prior is uniform over the
 * exact best moves ({@code bestOnly}) or over all legal moves. Off the positions it was given (below a sample's) it
 * knows nothing: value 0, a uniform prior.
 */
final class ExactOracle implements BatchEvaluator<GameState> {

    private final Map<Long, ExactPosition> byKey = new HashMap<>();
    private final boolean bestOnly;

    ExactOracle(List<ExactPosition> positions, boolean bestOnly) {
        for (ExactPosition p : positions) {
            byKey.put(p.state().key(), p);
        }
        this.bestOnly = bestOnly;
    }

    @Override
    public void evaluateBatch(SearchProblem<GameState> problem, List<GameState> states, int[][] legal,
            int[] legalCounts, double[][] priors, double[] values, int[] remainingSteps) {
        for (int i = 0; i < states.size(); i++) {
            ExactPosition p = byKey.get(states.get(i).key());
            if (p == null) { // a position off a sample (searched below it): no knowledge, a uniform prior
                values[i] = 0;
                java.util.Arrays.fill(priors[i], 0, legalCounts[i], 1.0 / legalCounts[i]);
                continue;
            }
            values[i] = p.value();
            int k = bestOnly ? p.bestMoves().length : legalCounts[i];
            for (int j = 0; j < legalCounts[i]; j++) {
                priors[i][j] = !bestOnly || p.isBest(legal[i][j]) ? 1.0 / k : 0;
            }
        }
    }
}
