package dev.lantern.agents.mcts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ConfigProblems;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.MinimaxSolution;
import dev.lantern.environments.board.TicTacToe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MCTS on tic-tac-toe against the exact solution; tree invariants; noise and temperature; config validation. */
class MctsTest {

    private static final TicTacToe GAME = TicTacToe.instance();
    private static final GameProblem PROBLEM = new GameProblem(GAME);
    private static final MinimaxSolution SOLUTION = Minimax.solve(GAME);

    /** Exact values from the solution, uniform priors. */
    static final class PerfectEvaluator implements Evaluator<GameState> {
        @Override
        public double evaluate(SearchProblem<GameState> problem, GameState state, int[] legal, int legalCount,
                double[] priors, int remainingSteps) {
            Arrays.fill(priors, 0, legalCount, 1.0 / legalCount);
            return SOLUTION.value(state);
        }
    }

    private static Mcts<GameState> uct(int simulations, long seed) {
        return new Mcts<>(PROBLEM, new RandomRolloutEvaluator<>(seed),
                MctsConfig.defaults().withSimulations(simulations).withSeed(seed));
    }

    private static GameState play(int... actions) {
        GameState s = GAME.initialState();
        for (int a : actions) {
            s = s.next(a);
        }
        return s;
    }

    @Test
    void uctNeverLosesToMinimaxFromEitherSide() {
        Mcts<GameState> mcts = uct(3000, 7);
        for (int mctsPlayer = 0; mctsPlayer < 2; mctsPlayer++) {
            for (int game = 0; game < 2; game++) {
                GameState s = GAME.initialState();
                if (game == 1 && mctsPlayer == 1) {
                    s = s.next(0); // a corner opening instead of minimax's own choice
                }
                while (!s.isTerminal()) {
                    int a = s.currentPlayer() == mctsPlayer ? mcts.search(s).action() : SOLUTION.bestAction(s);
                    s = s.next(a);
                }
                double[] returns = s.returns();
                assertTrue(returns[mctsPlayer] >= 0, "MCTS (player " + mctsPlayer + ") lost:\n" + s.render());
            }
        }
    }

    @Test
    void uctTakesTheWinAndBlocksTheLoss() {
        // x: 0, 1; o: 3, 4; x to move wins at 2
        assertEquals(2, uct(2000, 1).search(play(0, 3, 1, 4)).action());
        // x: 0, 1; o: 4; o to move must block at 2
        assertEquals(2, uct(2000, 2).search(play(0, 4, 1)).action());
    }

    @Test
    void puctWithPerfectEvaluatorPicksTheMinimaxBestMove() {
        List<GameState> positions = List.of(play(0, 3, 1, 4), play(0, 4, 1), play(4, 0, 8), play(0, 8, 4));
        for (GameState s : positions) {
            Mcts<GameState> mcts = new Mcts<>(PROBLEM, new PerfectEvaluator(),
                    MctsConfig.defaults().withPuct(1.5).withSimulations(800));
            SearchTree<GameState> tree = mcts.search(s);
            double[] exact = SOLUTION.actionValues(s);
            double best = Arrays.stream(exact).filter(v -> !Double.isNaN(v)).max().orElseThrow();
            assertEquals(best, exact[tree.action()], "position\n" + s.render() + tree);
        }
    }

    @Test
    void theMaxBackupIsRefusedForAlternatingGames() {
        MctsConfig config = new MctsConfig(10, MctsConfig.Selection.MAX_UCT, 1, 0.3, 0, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Mcts<>(PROBLEM, new RandomRolloutEvaluator<GameState>(1), config));
        assertTrue(e.getMessage().contains("single-agent"), e.getMessage());
    }

    @Test
    void visitCountsSumToTheSimulations() {
        for (MctsConfig.Selection sel : List.of(MctsConfig.Selection.UCT, MctsConfig.Selection.PUCT)) {
            MctsConfig config = new MctsConfig(500, sel, 1.2, 0.3, 0.25, 1, 3);
            SearchTree<GameState> tree = new Mcts<>(PROBLEM, new RandomRolloutEvaluator<GameState>(3), config)
                    .search(GAME.initialState());
            assertEquals(500, Arrays.stream(tree.visits()).sum());
            assertEquals(500, tree.root().visits());
            assertEquals(500, tree.simulations());
            int childVisits = tree.root().children().stream().mapToInt(Node::visits).sum();
            assertEquals(500, childVisits);
            assertTrue(tree.root().subtreeSize() > 10);
            double p = Arrays.stream(tree.policy()).sum();
            assertEquals(1, p, 1e-12);
        }
    }

    @Test
    void dirichletNoiseChangesPriorsKeepsADistributionAndIsSeeded() {
        MctsConfig base = MctsConfig.defaults().withPuct(1.5).withSimulations(50);
        double[] clean = new Mcts<>(PROBLEM, new RandomRolloutEvaluator<GameState>(1), base)
                .search(GAME.initialState()).priors();
        MctsConfig noisy = base.withDirichlet(0.3, 0.25);
        double[] a = new Mcts<>(PROBLEM, new RandomRolloutEvaluator<GameState>(1), noisy)
                .search(GAME.initialState()).priors();
        double[] b = new Mcts<>(PROBLEM, new RandomRolloutEvaluator<GameState>(1), noisy)
                .search(GAME.initialState()).priors();
        double[] c = new Mcts<>(PROBLEM, new RandomRolloutEvaluator<GameState>(1), noisy.withSeed(2))
                .search(GAME.initialState()).priors();
        for (double p : clean) {
            assertEquals(1.0 / 9, p, 1e-12);
        }
        assertFalse(Arrays.equals(clean, a));
        assertEquals(1, Arrays.stream(a).sum(), 1e-9);
        assertTrue(Arrays.stream(a).allMatch(p -> p >= 0));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void gammaSamplesHaveTheRightMean() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (double shape : new double[] {0.3, 1, 4}) {
            double sum = 0;
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                sum += Dirichlet.gamma(r, shape);
            }
            assertEquals(shape, sum / n, 0.05 * Math.max(1, shape));
        }
    }

    @Test
    void temperatureZeroPicksTheArgmaxAndPositiveTemperatureSamples() {
        SearchTree<GameState> tree = uct(400, 4).search(GAME.initialState());
        int[] v = tree.visits();
        int best = 0;
        for (int a = 1; a < v.length; a++) {
            if (v[a] > v[best]) {
                best = a;
            }
        }
        assertEquals(best, tree.action());
        assertEquals(1, tree.policy()[best]);
        assertEquals(best, tree.decision().action());

        MctsConfig hot = MctsConfig.defaults().withSimulations(400).withTemperature(1);
        List<Integer> chosen = new ArrayList<>();
        Mcts<GameState> mcts = new Mcts<>(PROBLEM, new RandomRolloutEvaluator<GameState>(9), hot);
        for (int i = 0; i < 30; i++) {
            SearchTree<GameState> t = mcts.search(GAME.initialState());
            int[] visits = t.visits();
            double[] p = t.policy();
            for (int a = 0; a < 9; a++) {
                assertEquals(visits[a] / 400.0, p[a], 1e-12);
            }
            chosen.add(t.action());
        }
        assertTrue(chosen.stream().distinct().count() > 1, "temperature 1 should not always pick one move");
    }

    @Test
    void searchesAreSeededDeterministic() {
        SearchTree<GameState> a = uct(300, 11).search(play(4));
        SearchTree<GameState> b = uct(300, 11).search(play(4));
        assertArrayEquals(a.visits(), b.visits());
        assertArrayEquals(a.q(), b.q());
        SearchTree<GameState> c = uct(300, 12).search(play(4));
        assertNotEquals(Arrays.toString(a.q()), Arrays.toString(c.q()));
    }

    @Test
    void qIsFromTheViewOfThePlayerToMoveAndIllegalActionsAreEmpty() {
        SearchTree<GameState> tree = uct(2000, 1).search(play(0, 3, 1, 4));
        double[] q = tree.q();
        assertEquals(1, q[2], 1e-12, "the winning move wins every simulation");
        assertTrue(Double.isNaN(q[0]) && Double.isNaN(q[1]) && Double.isNaN(q[3]) && Double.isNaN(q[4]));
        assertEquals(0, tree.visits()[0]);
        assertEquals(0, tree.priors()[0]);
        assertTrue(tree.value() > 0.5, "x is winning: " + tree.value());
    }

    @Test
    void terminalRootIsRejected() {
        GameState won = play(0, 3, 1, 4, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> uct(10, 1).search(won));
        assertTrue(e.getMessage().contains("terminal"));
    }

    @Test
    void badConfigsAreRejectedWithFieldPaths() {
        MctsConfig bad = new MctsConfig(0, null, -1, 0, 1.5, -0.5, 1);
        assertEquals(List.of("agent.mcts.simulations: must be in [1, 10000000], got 0",
                "agent.mcts.selection: must be UCT, PUCT or MAX_UCT, got null",
                "agent.mcts.exploration: must be >= 0 and finite, got -1.0",
                "agent.mcts.dirichletAlpha: must be > 0 and finite, got 0.0",
                "agent.mcts.dirichletFraction: must be in [0, 1], got 1.5",
                "agent.mcts.temperature: must be >= 0 and finite, got -0.5"),
                ConfigProblems.of(bad::validate, "agent.mcts"));
        assertEquals(List.of(), ConfigProblems.of(MctsConfig.defaults()::validate, "agent.mcts"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Mcts<>(PROBLEM, new RandomRolloutEvaluator<GameState>(1), bad));
        assertTrue(e.getMessage().contains("mcts.simulations: must be in"), e.getMessage());
        assertTrue(e.getMessage().contains("mcts.temperature"), e.getMessage());
    }
}
