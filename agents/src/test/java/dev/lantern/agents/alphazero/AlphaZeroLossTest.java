package dev.lantern.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.ForcedComputePath;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.Backend;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.TicTacToe;
import dev.lantern.environments.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The AlphaZero loss: gradient against central finite differences in double precision, the fast pass against DL4J's
 * graph path, and illegal-move masking.
 */
class AlphaZeroLossTest {

    /** A minibatch of random mid-game positions with random legal visit targets and outcomes. */
    /** A double-precision network for {@code game}, after configuring the backend. */
    private static ActorCriticNet doubleNet(Game game, int[] hidden, long seed) {
        Backend.configure();
        return ActorCriticNet.create(game.observationSize(), game.numDistinctActions(), hidden, 1e-3, 0, seed,
                DataType.DOUBLE);
    }

    private static final class Batch {
        final int size;
        final float[] obs;
        final float[] policy;
        final boolean[] legal;
        final float[] outcome;

        Batch(Game game, int size, long seed) {
            Rng rng = new Rng(seed);
            int in = game.observationSize();
            int actions = game.numDistinctActions();
            this.size = size;
            obs = new float[size * in];
            policy = new float[size * actions];
            legal = new boolean[size * actions];
            outcome = new float[size];
            for (int b = 0; b < size; b++) {
                GameState s = game.initialState();
                int moves = rng.nextInt(4);
                for (int m = 0; m < moves; m++) {
                    int[] l = s.legalActions();
                    s = s.next(l[rng.nextInt(l.length)]);
                }
                s.observe(s.currentPlayer(), obs, b * in);
                double sum = 0;
                for (int a = 0; a < actions; a++) {
                    legal[b * actions + a] = s.isLegal(a);
                    if (s.isLegal(a)) {
                        policy[b * actions + a] = (float) (rng.nextDouble() + 0.05);
                        sum += policy[b * actions + a];
                    }
                }
                for (int a = 0; a < actions; a++) {
                    policy[b * actions + a] /= (float) sum;
                }
                outcome[b] = rng.nextInt(3) - 1;
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesInDouble() {
        Game game = TicTacToe.instance();
        ActorCriticNet net = doubleNet(game, new int[] {6, 5}, 11);
        // lift the policy head out of its near-zero init so that its gradient is not trivially small
        net.graph().getLayer(ActorCriticNet.POLICY).getParam("W").muli(50);
        AlphaZeroLoss loss = new AlphaZeroLoss(net, 1e-2);
        Batch batch = new Batch(game, 5, 3);
        loss.compute(batch.obs, batch.policy, batch.legal, batch.outcome, batch.size);
        double[] analytic = net.gradient().dup().data().asDouble();
        INDArray params = net.params();
        double eps = 1e-6;
        double worst = 0;
        for (int i = 0; i < analytic.length; i++) {
            double p = params.getDouble(i);
            params.putScalar(i, p + eps);
            double up = loss.compute(batch.obs, batch.policy, batch.legal, batch.outcome, batch.size).total();
            params.putScalar(i, p - eps);
            double down = loss.compute(batch.obs, batch.policy, batch.legal, batch.outcome, batch.size).total();
            params.putScalar(i, p);
            double numeric = (up - down) / (2 * eps);
            double err = Math.abs(numeric - analytic[i]) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic[i]));
            worst = Math.max(worst, err);
        }
        assertTrue(worst < 1e-5, "worst relative error " + worst + " over " + analytic.length + " parameters");
    }

    /** Loss terms, gradient and per-term gradients of one batch, and the search's judgement of some positions. */
    private record PathResult(double[] terms, double[] gradient, double[] termValues, double[][] termGradients,
            double[] priors, double[] values, long hostDecisions) {
    }

    private static PathResult evaluateOn(ComputePath path, ActorCriticNet net, AlphaZeroLoss loss, Batch batch,
            List<GameState> positions) {
        try (ForcedComputePath forced = ForcedComputePath.force(path)) {
            AlphaZeroLoss.Result r = loss.compute(batch.obs, batch.policy, batch.legal, batch.outcome, batch.size);
            double[] gradient = net.gradient().dup().data().asDouble();
            double[] termValues = new double[3];
            INDArray[] termGradients = new INDArray[3];
            for (int i = 0; i < 3; i++) {
                termGradients[i] = net.gradient().dup();
            }
            loss.computeTerms(batch.obs, batch.policy, batch.legal, batch.outcome, batch.size, termValues,
                    termGradients);
            double[][] judged = SearchEvaluationTest.judge(new NetworkEvaluator(net), TicTacToe.instance(), positions);
            double[][] tg = new double[3][];
            for (int i = 0; i < 3; i++) {
                tg[i] = termGradients[i].data().asDouble();
            }
            return new PathResult(new double[] {r.policy(), r.value(), r.l2()}, gradient, termValues, tg, judged[0],
                    judged[1], ComputePath.HOST_BUFFERS.taken());
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertTrue(scale > 0, what + ": all zero");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * scale, what + "[" + i + "]");
        }
    }

    @Test
    void fastPassGivesTheLossGradientAndLeafEvaluationsOfTheGraphPathInDouble() {
        Game game = TicTacToe.instance();
        ActorCriticNet net = doubleNet(game, new int[] {16, 12}, 21);
        net.graph().getLayer(ActorCriticNet.POLICY).getParam("W").muli(50);
        AlphaZeroLoss loss = new AlphaZeroLoss(net, 1e-2);
        Batch batch = new Batch(game, 7, 8);
        List<GameState> positions = List.of(game.initialState(), game.initialState().next(4),
                game.initialState().next(0).next(8), game.initialState().next(2).next(6).next(4));
        PathResult graph = evaluateOn(ComputePath.ND4J_OPS, net, loss, batch, positions);
        PathResult fast = evaluateOn(ComputePath.HOST_BUFFERS, net, loss, batch, positions);
        assertEquals(0, graph.hostDecisions(), "the forced ND4J run took no host-buffer path");
        assertTrue(fast.hostDecisions() > 0, "the fast run took the host-buffer path");
        assertClose(graph.terms(), fast.terms(), "policy, value and L2 terms");
        assertClose(graph.gradient(), fast.gradient(), "gradient");
        assertClose(graph.termValues(), fast.termValues(), "term values");
        for (int i = 0; i < 3; i++) {
            assertClose(graph.termGradients()[i], fast.termGradients()[i], AlphaZeroLoss.TERMS.get(i) + " gradient");
        }
        assertClose(graph.priors(), fast.priors(), "leaf priors");
        assertClose(graph.values(), fast.values(), "leaf values");
    }

    @Test
    void illegalLogitsNeitherChangeTheLossNorReceiveGradient() {
        Game game = TicTacToe.instance();
        ActorCriticNet net = doubleNet(game, new int[] {8, 8}, 5);
        AlphaZeroLoss loss = new AlphaZeroLoss(net, 0);
        // every position has the centre (action 4) taken, so action 4 is illegal throughout the batch
        int batch = 4;
        int in = game.observationSize();
        float[] obs = new float[batch * in];
        float[] pi = new float[batch * 9];
        boolean[] legal = new boolean[batch * 9];
        float[] z = {1, -1, 0, 1};
        Rng rng = new Rng(9);
        for (int b = 0; b < batch; b++) {
            GameState s = game.initialState().next(4);
            for (int m = 0; m < b; m++) {
                int[] l = s.legalActions();
                s = s.next(l[rng.nextInt(l.length)]);
            }
            s.observe(s.currentPlayer(), obs, b * in);
            int[] l = s.legalActions();
            for (int a : l) {
                legal[b * 9 + a] = true;
                pi[b * 9 + a] = 1f / l.length;
            }
        }
        AlphaZeroLoss.Result before = loss.compute(obs, pi, legal, z, batch);
        ParameterLayout.Block head = ParameterLayout.of(net.graph()).block(ActorCriticNet.POLICY);
        INDArray gradient = net.gradient();
        assertEquals(0.0, gradient.getDouble(head.biasIndex(4)), 0.0, "gradient of the illegal action's logit bias");
        assertTrue(Math.abs(gradient.getDouble(head.biasIndex(0))) > 0, "a legal action's logit bias gets gradient");
        net.graph().getLayer(ActorCriticNet.POLICY).getParam("b").putScalar(4, 50.0);
        AlphaZeroLoss.Result after = loss.compute(obs, pi, legal, z, batch);
        assertEquals(before.policy(), after.policy(), 0.0, "raising an illegal logit changes nothing");
        // the search's evaluator gives the illegal action no prior either: priors over the legal actions sum to 1
        GameState s = game.initialState().next(4);
        int[] l = s.legalActions();
        double[] priors = new double[l.length];
        new NetworkEvaluator(net).evaluate(new GameProblem(game), s, l, l.length, priors, 1);
        double sum = 0;
        for (double p : priors) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void maskedPriorsAreTheSoftmaxOverLegalLogitsOnly() {
        double[] logits = {5, 1, -2, 100, 0.5};
        int[] legal = {0, 2, 4};
        double[] out = new double[3];
        NetworkEvaluator.maskedSoftmax(logits, legal, 3, out);
        double z = Math.exp(5) + Math.exp(-2) + Math.exp(0.5);
        assertEquals(Math.exp(5) / z, out[0], 1e-12);
        assertEquals(Math.exp(-2) / z, out[1], 1e-12);
        assertEquals(Math.exp(0.5) / z, out[2], 1e-12);
        // the huge illegal logit (action 3) takes no mass
        assertEquals(1.0, out[0] + out[1] + out[2], 1e-12);
        assertTrue(List.of(out[0], out[1], out[2]).stream().allMatch(p -> p > 0));
    }
}
