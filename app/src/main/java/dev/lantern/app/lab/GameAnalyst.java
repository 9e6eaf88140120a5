package dev.lantern.app.lab;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.mcts.Mcts;
import dev.lantern.agents.mcts.MctsConfig;
import dev.lantern.agents.mcts.RandomRolloutEvaluator;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.analysis.search.ExactPosition;
import dev.lantern.analysis.search.ViewEvaluator;
import dev.lantern.environments.board.AlphaBeta;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.MinimaxSolution;
import dev.lantern.environments.board.TicTacToe;
import dev.lantern.environments.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The game view's computations on a network snapshot: the per-move numbers of a position, the exact judgement, and
 * the moves of the agent and its opponents. Thread-confined (the view's worker thread owns it and the snapshot).
 *
 * <p>The agent searches as in evaluation ({@link dev.lantern.agents.alphazero.GameEvaluator}): PUCT over the
 * snapshot ({@link ViewEvaluator}: softmax of the legal logits, no root noise) at a given number of simulations and
 * the training's {@code cPuct}, and plays the most visited move. The exact judgement is {@link Minimax} for
 * tic-tac-toe and {@link AlphaBeta} to a chosen depth for connect-four.
 */
final class GameAnalyst {

    /** Tolerance of the best-move set (values are exact multiples of 1/1024 or heuristic doubles). */
    static final double BEST_TOLERANCE = 1e-9;

    private final Game game;
    private final GameProblem problem;
    private final double cPuct;
    private final Rng rng;
    private MinimaxSolution solution;
    private AlphaBeta alphaBeta;

    /**
     * @param game  the game
     * @param cPuct the PUCT constant of the training's search
     * @param seed  seeds the opponents' tie-breaks and rollouts and the sampled opening plies of self-play games
     */
    GameAnalyst(Game game, double cPuct, long seed) {
        this.game = game;
        this.problem = new GameProblem(game);
        this.cPuct = cPuct;
        this.rng = new Rng(seed);
    }

    /** The game. */
    Game game() {
        return game;
    }

    /** Tic-tac-toe's exact solution (solved once, on first use), or null for a game too large to solve. */
    MinimaxSolution solution() {
        if (solution == null && game.id().equals(TicTacToe.ID)) {
            solution = Minimax.solve(game);
        }
        return solution;
    }

    /**
     * The numbers of {@code state} under {@code view}: prior and value from one forward pass, visits and Q from a
     * PUCT search of {@code simulations}, and the exact judgement ({@code depth} plies of alpha-beta for
     * connect-four). A terminal state gets {@link PositionAnalysis#terminal}.
     */
    PositionAnalysis analyse(PolicyValueView view, long sequence, GameState state, int simulations, int depth) {
        if (state.isTerminal()) {
            return PositionAnalysis.terminal(state);
        }
        ViewEvaluator evaluator = new ViewEvaluator(view);
        int[] legal = state.legalActions();
        double[] legalPriors = new double[legal.length];
        double value = evaluator.evaluate(problem, state, legal, legal.length, legalPriors, 0);
        double[] prior = new double[game.numDistinctActions()];
        Arrays.fill(prior, Double.NaN);
        for (int j = 0; j < legal.length; j++) {
            prior[legal[j]] = legalPriors[j];
        }
        SearchTree<GameState> tree = search(view, state, simulations);
        return new PositionAnalysis(state, sequence, prior, value, tree.visits(), tree.q(), tree, exact(state, depth));
    }

    /** The agent's PUCT search of {@code state}: no noise, temperature 0 (the most visited move). */
    SearchTree<GameState> search(PolicyValueView view, GameState state, int simulations) {
        MctsConfig config = new MctsConfig(simulations, MctsConfig.Selection.PUCT, cPuct, 0.3, 0, 0, 1);
        return new Mcts<>(problem, new ViewEvaluator(view), config).search(state);
    }

    /**
     * The exact value and best moves of the non-terminal {@code state}: minimax for tic-tac-toe; for connect-four
     * each move's value by {@link AlphaBeta#actionValues} searched {@code depth} plies (the move included), so the
     * root value is {@code new AlphaBeta(depth).search(state)}'s. Proven when the best move is a proven win or loss,
     * or every line ends within the horizon ({@code stones + depth >= 42}).
     */
    ExactVerdict exact(GameState state, int depth) {
        MinimaxSolution s = solution();
        if (s != null) {
            double[] q = s.actionValues(state);
            return new ExactVerdict(new ExactPosition(state, s.value(state), q,
                    ExactPosition.bestMoves(q, BEST_TOLERANCE)), true, "minimax (exact)");
        }
        if (!game.id().equals(ConnectFour.ID)) {
            throw new IllegalStateException("no exact solver for " + game.id());
        }
        if (alphaBeta == null || alphaBeta.maxDepth() != depth) {
            alphaBeta = new AlphaBeta(depth);
        }
        double[] q = alphaBeta.actionValues(state); // NaN off the legal moves; a move that wins at once 1 - 1/1024
        int[] best = ExactPosition.bestMoves(q, BEST_TOLERANCE);
        // exact when the best move is a proven win or loss, or when every line ends within the horizon (a draw
        // searched to the end is the game's value too, as AlphaBetaPositions labels it)
        boolean toTheEnd = state.history().length + depth >= ConnectFour.ROWS * ConnectFour.COLS;
        boolean isProven = toTheEnd || Math.abs(q[best[0]]) > AlphaBeta.PROVEN_THRESHOLD;
        return new ExactVerdict(new ExactPosition(state, q[best[0]], q, best), isProven,
                "alpha-beta depth " + depth + (isProven ? ", proven" : " heuristic"));
    }

    /** The agent's move: the most visited at {@code simulations}. */
    int agentMove(PolicyValueView view, GameState state, int simulations) {
        return search(view, state, simulations).action();
    }

    /** An exactly optimal move (random among the best), by minimax or by alpha-beta to {@code depth}. */
    int perfectMove(GameState state, int depth) {
        int[] best = exact(state, depth).bestMoves();
        return best[rng.nextInt(best.length)];
    }

    /** UCT's move with {@code rollouts} random-rollout simulations (c = sqrt 2), the most visited. */
    int uctMove(GameState state, int rollouts) {
        MctsConfig config = MctsConfig.defaults().withSimulations(rollouts);
        return new Mcts<>(problem, new RandomRolloutEvaluator<GameState>(rng.nextLong()), config).search(state)
                .action();
    }

    /**
     * A self-play game of the snapshot from the start to the end, as training plays it but without root noise: the
     * first {@code sampledPlies} plies drawn in proportion to the visits, later ones the most visited move.
     *
     * @return the moves, in order
     */
    int[] selfPlayGame(PolicyValueView view, int simulations, int sampledPlies) {
        List<Integer> moves = new ArrayList<>();
        GameState s = game.initialState();
        while (!s.isTerminal()) {
            SearchTree<GameState> tree = search(view, s, simulations);
            int a = moves.size() < sampledPlies ? SearchTree.sample(visitShares(tree), rng::nextDouble)
                    : tree.action();
            moves.add(a);
            s = s.next(a);
        }
        return moves.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] visitShares(SearchTree<GameState> tree) {
        int[] v = tree.visits();
        double[] p = new double[v.length];
        for (int a = 0; a < v.length; a++) {
            p[a] = (double) v[a] / tree.simulations();
        }
        return p;
    }
}
