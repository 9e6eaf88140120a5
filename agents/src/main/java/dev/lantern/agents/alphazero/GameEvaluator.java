package dev.lantern.agents.alphazero;

import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.mcts.Mcts;
import dev.lantern.agents.mcts.MctsConfig;
import dev.lantern.agents.mcts.RandomRolloutEvaluator;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.MinimaxSolution;
import dev.lantern.environments.board.TicTacToe;
import dev.lantern.environments.random.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays a trained network against fixed {@link Opponent}s. The agent searches with PUCT ({@link Mcts} with a
 * {@link NetworkEvaluator}, caching by position for the length of a match, in which the network does not change), no
 * root noise, and plays the most visited move (temperature 0), so it is deterministic; variety comes from the opponents, which draw from a seeded {@link Rng} (random moves, minimax tie-breaks, UCT seeds).
 * In a match of {@code games} games the agent moves first in the first {@code ceil(games / 2)} and second in the rest.
 *
 * <p>Metrics ({@link #evaluate}): {@code eval/vs_<name>_win_rate}, {@code eval/vs_<name>_draw_rate},
 * {@code eval/vs_<name>_loss_rate} per opponent, e.g. {@code eval/vs_minimax_loss_rate},
 * {@code eval/vs_uct200_win_rate}. Not thread-safe; uses the network on the calling thread.
 */
public final class GameEvaluator {

    private final Game game;
    private final GameProblem problem;
    private final int simulations;
    private final double cPuct;
    private final Rng rng;
    private MinimaxSolution solution;

    /**
     * @param game        the game
     * @param simulations the agent's PUCT simulations per move, {@code >= 1}
     * @param cPuct       the agent's PUCT constant
     * @param seed        seeds the opponents' randomness
     */
    public GameEvaluator(Game game, int simulations, double cPuct, long seed) {
        if (simulations < 1) {
            throw new IllegalArgumentException("simulations must be >= 1, got " + simulations);
        }
        this.game = game;
        this.problem = new GameProblem(game);
        this.simulations = simulations;
        this.cPuct = cPuct;
        this.rng = new Rng(seed);
    }

    /** Random and UCT with {@code uctSimulations}, plus exact minimax for tic-tac-toe. */
    public static List<Opponent> standardOpponents(Game game, int uctSimulations) {
        List<Opponent> list = new ArrayList<>();
        list.add(Opponent.random());
        if (game.id().equals(TicTacToe.ID)) {
            list.add(Opponent.minimax());
        }
        list.add(Opponent.uct(uctSimulations));
        return list;
    }

    /** Plays {@code games} games against each opponent and returns the metrics named above. */
    public Map<String, Double> evaluate(ActorCriticNet net, List<Opponent> opponents, int games) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Opponent o : opponents) {
            MatchResult r = play(net, o, games);
            metrics.put("eval/vs_" + o.name() + "_win_rate", r.winRate());
            metrics.put("eval/vs_" + o.name() + "_draw_rate", r.drawRate());
            metrics.put("eval/vs_" + o.name() + "_loss_rate", r.lossRate());
        }
        return metrics;
    }

    /**
     * Plays {@code games} games of {@code net} against {@code opponent}, the agent first in the first half.
     *
     * @throws IllegalArgumentException if {@code games < 1}
     */
    public MatchResult play(ActorCriticNet net, Opponent opponent, int games) {
        if (games < 1) {
            throw new IllegalArgumentException("games must be >= 1, got " + games);
        }
        MctsConfig agentConfig = new MctsConfig(simulations, MctsConfig.Selection.PUCT, cPuct, 0.3, 0, 0, 1);
        Mcts<GameState> agent = new Mcts<>(problem, NetworkEvaluator.caching(net), agentConfig);
        int firstHalf = (games + 1) / 2;
        int wins = 0;
        int draws = 0;
        int lossesFirst = 0;
        int lossesSecond = 0;
        for (int i = 0; i < games; i++) {
            int agentPlayer = i < firstHalf ? 0 : 1;
            Mcts<GameState> uct = opponent.kind() == Opponent.Kind.UCT
                    ? new Mcts<>(problem, new RandomRolloutEvaluator<>(rng.nextLong()),
                            MctsConfig.defaults().withSimulations(opponent.simulations()))
                    : null;
            GameState s = game.initialState();
            while (!s.isTerminal()) {
                int a = s.currentPlayer() == agentPlayer ? agent.search(s).action() : opponentMove(opponent, uct, s);
                s = s.next(a);
            }
            double r = s.returns()[agentPlayer];
            if (r > 0) {
                wins++;
            } else if (r == 0) {
                draws++;
            } else if (agentPlayer == 0) {
                lossesFirst++;
            } else {
                lossesSecond++;
            }
        }
        return new MatchResult(opponent.name(), wins, draws, lossesFirst + lossesSecond, lossesFirst, lossesSecond);
    }

    private int opponentMove(Opponent opponent, Mcts<GameState> uct, GameState s) {
        switch (opponent.kind()) {
            case RANDOM: {
                int[] legal = s.legalActions();
                return legal[rng.nextInt(legal.length)];
            }
            case MINIMAX: {
                if (solution == null) {
                    solution = Minimax.solve(game);
                }
                double[] q = solution.actionValues(s);
                double best = Double.NEGATIVE_INFINITY;
                for (double v : q) {
                    if (!Double.isNaN(v)) {
                        best = Math.max(best, v);
                    }
                }
                int[] optimal = new int[q.length];
                int n = 0;
                for (int a = 0; a < q.length; a++) {
                    if (q[a] == best) {
                        optimal[n++] = a;
                    }
                }
                return optimal[rng.nextInt(n)];
            }
            case UCT:
                return uct.search(s).action();
            default:
                throw new IllegalStateException("unknown opponent kind " + opponent.kind());
        }
    }
}
