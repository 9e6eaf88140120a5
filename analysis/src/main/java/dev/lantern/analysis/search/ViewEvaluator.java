package dev.lantern.analysis.search;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.mcts.BatchEvaluator;
import dev.lantern.agents.mcts.Evaluator;
import dev.lantern.agents.mcts.SearchProblem;
import dev.lantern.environments.board.GameState;
import java.util.List;

/**
 * Judges game positions with a network snapshot, as AlphaZero's search does: the input is the observation of the
 * player to move, the priors are the view's probabilities over the legal actions renormalized to sum to 1 (the
 * softmax of the legal logits, as the agent's own evaluator masks them), the value is the view's value for the player
 * to move. No root noise is ever added here. Thread-confined, like the view.
 */
public final class ViewEvaluator implements Evaluator<GameState>, BatchEvaluator<GameState> {

    private final PolicyValueView view;

    /** An evaluator over {@code view} (a snapshot nobody else uses). */
    public ViewEvaluator(PolicyValueView view) {
        this.view = view;
    }

    @Override
    public double evaluate(SearchProblem<GameState> problem, GameState state, int[] legal, int legalCount,
            double[] priors, int remainingSteps) {
        double[][] p = {new double[legalCount]};
        double[] v = new double[1];
        evaluateBatch(problem, List.of(state), new int[][] {legal}, new int[] {legalCount}, p, v, null);
        System.arraycopy(p[0], 0, priors, 0, legalCount);
        return v[0];
    }

    @Override
    public void evaluateBatch(SearchProblem<GameState> problem, List<GameState> states, int[][] legal,
            int[] legalCounts, double[][] priors, double[] values, int[] remainingSteps) {
        int n = states.size();
        int inputs = view.inputSize();
        int actions = view.actionCount();
        float[] obs = new float[n * inputs];
        for (int i = 0; i < n; i++) {
            GameState s = states.get(i);
            s.observe(s.currentPlayer(), obs, i * inputs);
        }
        double[] probabilities = new double[n * actions];
        view.evaluate(obs, n, probabilities, values);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < legalCounts[i]; j++) {
                sum += probabilities[i * actions + legal[i][j]];
            }
            for (int j = 0; j < legalCounts[i]; j++) {
                priors[i][j] = probabilities[i * actions + legal[i][j]] / sum;
            }
        }
    }
}
