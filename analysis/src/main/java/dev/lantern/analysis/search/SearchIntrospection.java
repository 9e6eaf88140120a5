package dev.lantern.analysis.search;

import dev.lantern.agents.mcts.BatchEvaluator;
import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.mcts.LockstepPuct;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a network and a PUCT search with it against exact play over a list of positions (issue 12, point 3).
 *
 * <p>At each position: the network's prior over the legal moves and its value (one evaluator call, no root noise);
 * a PUCT search of {@code simulations} simulations from it with the same evaluator ({@link LockstepPuct}, no root
 * noise, temperature 0: the chosen move is the most visited, ties to the lowest), its root visits, Q per move and root
 * value. A move is correct when it is in the exact best-move set; values and Q are from the side to move; terminal
 * positions are never measured. Searches run in lockstep over chunks of {@value #CHUNK} positions (each tree is the
 * one a lone search would build, so chunking does not change any number).
 */
public final class SearchIntrospection {

    /** Positions searched together in one lockstep batch. */
    public static final int CHUNK = 512;

    private final GameProblem problem;
    private final int simulations;
    private final double cPuct;

    /**
     * @param game        the game the positions belong to
     * @param simulations the search budget per position, {@code >= 1}
     * @param cPuct       PUCT's exploration constant, {@code >= 0}
     * @throws IllegalArgumentException if a number is out of range
     */
    public SearchIntrospection(Game game, int simulations, double cPuct) {
        if (simulations < 1) {
            throw new IllegalArgumentException("simulations must be >= 1, got " + simulations);
        }
        if (!(cPuct >= 0) || Double.isInfinite(cPuct)) {
            throw new IllegalArgumentException("cPuct must be finite and >= 0, got " + cPuct);
        }
        this.problem = new GameProblem(game);
        this.simulations = simulations;
        this.cPuct = cPuct;
    }

    /**
     * Measures the network behind {@code evaluator} and the search with it on every one of {@code positions}.
     *
     * @param positions non-terminal positions with their reference solutions
     * @param evaluator the network (deterministic: the same position gives the same answer)
     * @throws IllegalArgumentException if there are no positions
     */
    public SearchReport measure(LabelledPositions positions, BatchEvaluator<GameState> evaluator) {
        return measure(positions.positions(), evaluator);
    }

    /**
     * Measures the network behind {@code evaluator} and the search with it on every position.
     *
     * @param positions non-terminal positions with their reference solutions, at least one
     * @param evaluator the network (deterministic: the same position gives the same answer)
     * @throws IllegalArgumentException if there are no positions
     */
    public SearchReport measure(List<ExactPosition> positions, BatchEvaluator<GameState> evaluator) {
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("no positions to measure");
        }
        LockstepPuct<GameState> search = new LockstepPuct<>(problem, evaluator, simulations, cPuct);
        int actions = problem.actionCount();
        List<PositionVerdict> verdicts = new ArrayList<>(positions.size());
        for (int from = 0; from < positions.size(); from += CHUNK) {
            List<ExactPosition> chunk = positions.subList(from, Math.min(positions.size(), from + CHUNK));
            int n = chunk.size();
            List<GameState> states = chunk.stream().map(ExactPosition::state).toList();
            int[][] legal = new int[n][];
            int[] counts = new int[n];
            double[][] priors = new double[n][];
            int[] steps = new int[n];
            for (int i = 0; i < n; i++) {
                legal[i] = states.get(i).legalActions();
                counts[i] = legal[i].length;
                priors[i] = new double[counts[i]];
                steps[i] = problem.horizon();
            }
            double[] values = new double[n];
            evaluator.evaluateBatch(problem, states, legal, counts, priors, values, steps);
            List<SearchTree<GameState>> trees = search.search(states, 1, 0, null);
            for (int i = 0; i < n; i++) {
                double[] prior = new double[actions];
                for (int j = 0; j < counts[i]; j++) {
                    prior[legal[i][j]] = priors[i][j];
                }
                SearchTree<GameState> tree = trees.get(i);
                int[] visits = tree.visits();
                double[] share = new double[actions];
                for (int a = 0; a < actions; a++) {
                    share[a] = (double) visits[a] / simulations;
                }
                verdicts.add(new PositionVerdict(from + i, chunk.get(i), prior, values[i], visits, tree.q(),
                        tree.value(), argmax(prior), tree.action(), Divergence.kl(share, prior)));
            }
        }
        return new SearchReport(SearchSummary.of(verdicts, simulations, cPuct), verdicts);
    }

    /** The first index of the largest entry. */
    static int argmax(double[] p) {
        int best = 0;
        for (int a = 1; a < p.length; a++) {
            if (p[a] > p[best]) {
                best = a;
            }
        }
        return best;
    }
}
