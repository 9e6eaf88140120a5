package dev.lantern.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.ForcedComputePath;
import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.Backend;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.random.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The search's leaf evaluations on the host-buffer path (Java loops for a few rows, the fast pass for more, the cache
 * by position) give DL4J's own output for every position, in double precision; the cache answers repeats and forgets
 * on {@link NetworkEvaluator#clearCache()}.
 */
class SearchEvaluationTest {

    private static final Game GAME = ConnectFour.instance();

    /** {@code n} random positions of connect-four, with repeats (several start from the same few moves). */
    private static List<GameState> positions(int n, long seed) {
        Rng rng = new Rng(seed);
        List<GameState> list = new ArrayList<>();
        while (list.size() < n) {
            GameState s = GAME.initialState();
            int moves = rng.nextInt(12);
            for (int m = 0; m < moves && !s.isTerminal(); m++) {
                int[] legal = s.legalActions();
                s = s.next(legal[rng.nextInt(Math.min(legal.length, 3))]);
            }
            if (!s.isTerminal()) {
                list.add(s);
            }
        }
        return list;
    }

    /** Priors (flattened) and values of {@code states} of connect-four judged by {@code evaluator}. */
    private static double[][] judge(NetworkEvaluator evaluator, List<GameState> states) {
        return judge(evaluator, GAME, states);
    }

    /** Priors (flattened, in each state's legal-action order) and values of {@code states} judged by {@code evaluator}. */
    static double[][] judge(NetworkEvaluator evaluator, Game game, List<GameState> states) {
        int n = states.size();
        int[][] legal = new int[n][];
        int[] counts = new int[n];
        double[][] priors = new double[n][];
        for (int i = 0; i < n; i++) {
            legal[i] = states.get(i).legalActions();
            counts[i] = legal[i].length;
            priors[i] = new double[counts[i]];
        }
        double[] values = new double[n];
        evaluator.evaluateBatch(new GameProblem(game), states, legal, counts, priors, values, new int[n]);
        List<Double> flat = new ArrayList<>();
        for (double[] p : priors) {
            for (double x : p) {
                flat.add(x);
            }
        }
        return new double[][] {flat.stream().mapToDouble(Double::doubleValue).toArray(), values};
    }

    private static ActorCriticNet net() {
        Backend.configure();
        ActorCriticNet net = ActorCriticNet.create(GAME.observationSize(), GAME.numDistinctActions(), new int[] {24, 16},
                1e-3, 0, 5, DataType.DOUBLE);
        net.graph().getLayer(ActorCriticNet.POLICY).getParam("W").muli(40); // priors far from uniform
        return net;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12, what + "[" + i + "]");
        }
    }

    @Test
    void everyHostWayGivesTheGraphsJudgementAndTheCacheAnswersRepeats() {
        ActorCriticNet net = net();
        // 3 rows take the Java loops, 600 rows the fast pass (600 * 24 * 16 > NetworkEvaluator.SMALL_BATCH_WORK)
        for (int n : new int[] {3, 600}) {
            List<GameState> states = positions(n, n);
            double[][] graph;
            try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.ND4J_OPS)) {
                graph = judge(new NetworkEvaluator(net), states);
            }
            try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.HOST_BUFFERS)) {
                double[][] plain = judge(new NetworkEvaluator(net), states);
                NetworkEvaluator cached = NetworkEvaluator.caching(net);
                double[][] first = judge(cached, states);
                long distinct = states.stream().mapToLong(GameState::key).distinct().count();
                assertEquals(n - distinct, cached.cacheHits(), "repeats within the batch are answered once");
                double[][] again = judge(cached, states);
                assertEquals(n - distinct + n, cached.cacheHits(), "the second batch is all repeats");
                assertEquals(1, cached.forwardPasses(), "no forward pass for a batch of repeats");
                for (double[][] r : List.of(plain, first, again)) {
                    assertClose(graph[0], r[0], n + " rows: priors");
                    assertClose(graph[1], r[1], n + " rows: values");
                }
            }
        }
    }

    @Test
    void clearCacheForgetsTheOldParameters() {
        ActorCriticNet net = net();
        List<GameState> states = positions(4, 9);
        try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.HOST_BUFFERS)) {
            NetworkEvaluator cached = NetworkEvaluator.caching(net);
            double[][] before = judge(cached, states);
            net.graph().getLayer(ActorCriticNet.VALUE).getParam("b").addi(0.5);
            assertClose(before[1], judge(cached, states)[1], "stale until cleared, as documented");
            cached.clearCache();
            double[][] after = judge(cached, states);
            double[][] fresh = judge(new NetworkEvaluator(net), states);
            assertClose(fresh[1], after[1], "values after clearCache");
            assertTrue(Math.abs(after[1][0] - before[1][0]) > 1e-3, "the change is seen: " + after[1][0]);
        }
    }

    @Test
    void javaTanhIsExactToRounding() {
        for (double x = -20; x <= 20; x += 0.00137) {
            assertEquals(Math.tanh(x), SmallBatchForward.tanh(x), 4e-16, "tanh(" + x + ")");
        }
        assertEquals(0.0, SmallBatchForward.tanh(0.0), 0.0);
        assertEquals(1.0, SmallBatchForward.tanh(400), 0.0);
        assertEquals(-1.0, SmallBatchForward.tanh(-400), 0.0);
    }
}
