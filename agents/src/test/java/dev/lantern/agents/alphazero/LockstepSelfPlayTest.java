package dev.lantern.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.mcts.LockstepPuct;
import dev.lantern.agents.mcts.Mcts;
import dev.lantern.agents.mcts.MctsConfig;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.Backend;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Lockstep PUCT with the network: one forward pass per simulation step for all games, same trees as plain PUCT. */
class LockstepSelfPlayTest {

    private static final int SIMS = 24;

    /** A double-precision {@code [16, 16]} network for {@code game}'s 7 columns, after configuring the backend. */
    private static ActorCriticNet doubleNet(Game game, long seed) {
        Backend.configure();
        return ActorCriticNet.create(game.observationSize(), 7, new int[] {16, 16}, 1e-3, 0, seed, DataType.DOUBLE);
    }

    private static List<GameState> roots(Game game) {
        List<GameState> roots = new ArrayList<>();
        roots.add(game.initialState());
        for (int a = 0; a < 5; a++) {
            roots.add(game.initialState().next(a).next((a + 3) % 7));
        }
        return roots;
    }

    @Test
    void evaluatesEveryGamesLeafInOneForwardPassAndMatchesPlainPuct() {
        Game game = ConnectFour.instance();
        GameProblem problem = new GameProblem(game);
        ActorCriticNet net = doubleNet(game, 4);
        net.graph().getLayer(ActorCriticNet.POLICY).getParam("W").muli(30); // non-uniform priors
        NetworkEvaluator batched = new NetworkEvaluator(net);
        LockstepPuct<GameState> lockstep = new LockstepPuct<>(problem, batched, SIMS, 1.5);
        List<GameState> roots = roots(game);
        List<SearchTree<GameState>> trees = lockstep.search(roots, 0.3, 0, null);

        // no terminal state lies within reach of 24 simulations here: every step evaluates all 6 leaves at once
        assertEquals(1 + SIMS, batched.forwardPasses());
        assertEquals((long) roots.size() * (1 + SIMS), batched.leafEvaluations());
        assertEquals(batched.forwardPasses(), lockstep.batches());

        NetworkEvaluator single = new NetworkEvaluator(net);
        Mcts<GameState> plain = new Mcts<>(problem, single,
                new MctsConfig(SIMS, MctsConfig.Selection.PUCT, 1.5, 0.3, 0, 0, 1));
        for (int g = 0; g < roots.size(); g++) {
            SearchTree<GameState> expected = plain.search(roots.get(g));
            SearchTree<GameState> actual = trees.get(g);
            assertArrayEquals(expected.visits(), actual.visits(), "visits of root " + g);
            assertArrayEquals(expected.priors(), actual.priors(), 1e-12, "priors of root " + g);
            assertEquals(expected.value(), actual.value(), 1e-12, "value of root " + g);
            assertEquals(expected.action(), actual.action(), "action of root " + g);
            assertEquals(expected.root().subtreeSize(), actual.root().subtreeSize());
        }
        assertEquals((long) roots.size() * (1 + SIMS), single.forwardPasses(), "plain PUCT: one pass per leaf");
    }

    @Test
    void rootNoiseFromTheSameStreamGivesTheSameTree() {
        Game game = ConnectFour.instance();
        GameProblem problem = new GameProblem(game);
        ActorCriticNet net = doubleNet(game, 8);
        LockstepPuct<GameState> lockstep = new LockstepPuct<>(problem, new NetworkEvaluator(net), SIMS, 1.5);
        SplittableRandom stream = new SplittableRandom(77);
        SearchTree<GameState> actual = lockstep.search(List.of(game.initialState()), 0.5, 0.25, stream::nextDouble)
                .get(0);
        Mcts<GameState> plain = new Mcts<>(problem, new NetworkEvaluator(net),
                new MctsConfig(SIMS, MctsConfig.Selection.PUCT, 1.5, 0.5, 0.25, 0, 77));
        SearchTree<GameState> expected = plain.search(game.initialState());
        assertArrayEquals(expected.priors(), actual.priors(), 1e-12);
        assertArrayEquals(expected.visits(), actual.visits());
    }
}
