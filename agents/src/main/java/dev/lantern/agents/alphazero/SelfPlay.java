package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.mcts.LockstepPuct;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a batch of self-play games from the start to the end in lockstep: every move runs one {@link LockstepPuct}
 * search over the roots of all unfinished games (with root noise), then each game takes its move (sampled in
 * proportion to the visits for the first {@code temperatureMoves} plies, else the most visited) and records its
 * position; a finished game's positions go to the replay with the outcome for their mover.
 */
final class SelfPlay {

    /**
     * What one batch of games gave.
     *
     * @param games      games played
     * @param positions  positions added to the replay (= moves played)
     * @param firstWins  games won by the first player
     * @param draws      games drawn
     * @param rootVisits mean visits of the chosen root child
     * @param rootValue  mean root value for the mover
     */
    record Stats(int games, int positions, int firstWins, int draws, double rootVisits, double rootValue) {
    }

    /** One recorded move: the mover's observation, the visit distribution, the legality mask and the mover. */
    private record Position(float[] obs, double[] pi, boolean[] legal, int mover) {
    }

    private final Game game;
    private final LockstepPuct<GameState> search;
    private final AlphaZeroConfig config;
    private final Rng rng;
    private final int actions;

    SelfPlay(Game game, LockstepPuct<GameState> search, AlphaZeroConfig config, Rng rng) {
        this.game = game;
        this.search = search;
        this.config = config;
        this.rng = rng;
        this.actions = game.numDistinctActions();
    }

    /** Plays {@code config.gamesPerIteration()} games to the end, reporting moves and episodes to {@code session}. */
    Stats play(ReplayBuffer replay, TrainingSession session) {
        int n = config.gamesPerIteration();
        GameState[] states = new GameState[n];
        List<List<Position>> records = new ArrayList<>(n);
        int[] active = new int[n];
        for (int g = 0; g < n; g++) {
            states[g] = game.initialState();
            records.add(new ArrayList<>());
            active[g] = g;
        }
        int activeCount = n;
        int positions = 0;
        int firstWins = 0;
        int draws = 0;
        double rootVisits = 0;
        double rootValue = 0;
        while (activeCount > 0) {
            List<GameState> roots = new ArrayList<>(activeCount);
            for (int k = 0; k < activeCount; k++) {
                roots.add(states[active[k]]);
            }
            List<SearchTree<GameState>> trees = search.search(roots, config.dirichletAlpha(),
                    config.dirichletFraction(), rng::nextDouble);
            int stillActive = 0;
            for (int k = 0; k < activeCount; k++) {
                int g = active[k];
                GameState s = states[g];
                SearchTree<GameState> tree = trees.get(k);
                int[] visits = tree.visits();
                double[] pi = new double[actions];
                boolean[] mask = new boolean[actions];
                for (int a = 0; a < actions; a++) {
                    pi[a] = (double) visits[a] / tree.simulations();
                    mask[a] = s.isLegal(a);
                }
                int action = s.history().length < config.temperatureMoves() ? SearchTree.sample(pi, rng::nextDouble)
                        : tree.action();
                rootVisits += visits[action];
                rootValue += tree.value();
                records.get(g).add(new Position(s.observation(s.currentPlayer()), pi, mask, s.currentPlayer()));
                GameState next = s.next(action);
                states[g] = next;
                positions++;
                if (next.isTerminal()) {
                    double[] returns = next.returns();
                    List<Position> rec = records.get(g);
                    for (Position p : rec) {
                        replay.add(p.obs(), 0, p.pi(), p.legal(), returns[p.mover()]);
                    }
                    firstWins += returns[0] > 0 ? 1 : 0;
                    draws += returns[0] == 0 ? 1 : 0;
                    session.episodeEnded(returns[0], returns[0], rec.size(), returns[0] > 0);
                    rec.clear();
                } else {
                    active[stillActive++] = g;
                }
            }
            session.addEnvSteps(activeCount);
            activeCount = stillActive;
        }
        return new Stats(n, positions, firstWins, draws, rootVisits / positions, rootValue / positions);
    }
}
