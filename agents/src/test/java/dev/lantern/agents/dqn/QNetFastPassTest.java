package dev.lantern.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.ForcedComputePath;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Q-network on the fast pass ({@code DensePass} over its one head {@code q.values}): Q-values equal DL4J's
 * {@code output()}, and the TD loss's gradient equals DL4J's {@code feedForward} + {@code backpropGradient} (the
 * {@link ComputePath#ND4J_OPS} path of {@link TdObjective}), to rounding in double precision, dense and sparse inputs;
 * the Adam step after it ({@link QNet#clipAndUpdate}) equals DL4J's updater after the same clipping, and LCA's
 * {@link TdProbe} gives the graph path's loss and gradient.
 */
class QNetFastPassTest {

    @Test
    void qValuesEqualTheGraphOutput() {
        for (boolean sparse : new boolean[] {false, true}) {
            QNet net = QNet.create(40, 5, new int[] {7, 6}, 1e-2, 3, DataType.DOUBLE);
            net.params().muli(3);
            float[] obs = observations(9, 40, sparse, new SplittableRandom(2));
            double[] graph = net.qValues(Nd4j.create(obs, new long[] {9, 40}, 'c').castTo(DataType.DOUBLE));
            double[] fast = net.qValues(obs, 9);
            assertEquals(sparse, net.pass(9).sparseInput());
            assertEquals(graph.length, fast.length);
            for (int i = 0; i < graph.length; i++) {
                assertEquals(graph[i], fast[i], 1e-12 * Math.max(1, Math.abs(graph[i])), "sparse " + sparse + ", q " + i);
            }
        }
    }

    @Test
    void aTargetPassTakingTheOnlinePasssInputGivesTheSameBits() {
        for (boolean sparse : new boolean[] {false, true}) {
            QNet online = QNet.create(40, 5, new int[] {7, 6}, 1e-2, 3, DataType.FLOAT);
            QNet target = QNet.create(40, 5, new int[] {7, 6}, 1e-2, 4, DataType.FLOAT);
            float[] obs = observations(9, 40, sparse, new SplittableRandom(5));
            float[] other = observations(9, 40, !sparse, new SplittableRandom(6));
            double[] direct = target.qValues(obs, 9);
            target.pass(9).setInput(other); // something else in the target's buffers first
            target.pass(9).forward();
            online.pass(9).setInput(obs);
            target.pass(9).setInput(online.pass(9));
            assertEquals(sparse, target.pass(9).sparseInput());
            assertArrayEquals(direct, target.pass(9).forward(), "sparse " + sparse);
        }
    }

    @Test
    void tdGradientEqualsTheGraphPathInDoublePrecision() {
        for (boolean sparse : new boolean[] {false, true}) {
            for (int batch : new int[] {1, 8, 32}) {
                double[] diff = compare(batch, sparse, batch % 2 == 0);
                assertTrue(diff[0] < 1e-12, "batch " + batch + ", sparse " + sparse + ": max relative gradient"
                        + " difference " + diff[0]);
                assertTrue(diff[1] < 1e-12, "batch " + batch + ", sparse " + sparse + ": loss difference " + diff[1]);
            }
        }
    }

    @Test
    void tdProbeLossAndGradientEqualTheGraphPathAtSeveralParameterVectors() {
        QNet net = QNet.create(60, 5, new int[] {7, 6}, 1e-2, 8, DataType.DOUBLE);
        SplittableRandom rng = new SplittableRandom(12);
        float[] obs = observations(16, 60, true, rng);
        int[] taken = rng.ints(16, 0, 5).toArray();
        double[] targets = rng.doubles(16, -3, 3).toArray();
        TdProbe probe = new TdProbe(new TdObjective(net, 1.0), Nd4j.create(obs, new long[] {16, 60}, 'c')
                .castTo(DataType.DOUBLE), taken, targets, 0, "test probe");
        for (int point = 0; point < 3; point++) {
            INDArray params = net.params().mul(1 + point); // the fixed input is reused from the second point on
            INDArray graphGradient = params.like();
            INDArray fastGradient = params.like();
            double graphLoss;
            try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.ND4J_OPS)) {
                graphLoss = probe.lossAndGradient(params, graphGradient);
            }
            double fastLoss = probe.lossAndGradient(params, fastGradient);
            assertEquals(graphLoss, fastLoss, 1e-12 * Math.max(1, Math.abs(graphLoss)), "point " + point);
            double scale = graphGradient.amaxNumber().doubleValue();
            double diff = graphGradient.sub(fastGradient).amaxNumber().doubleValue();
            assertTrue(scale > 0 && diff <= 1e-12 * scale, "point " + point + ": gradient difference " + diff
                    + " of " + scale);
        }
    }

    @Test
    void adamAfterClippingEqualsDl4jsUpdater() {
        SplittableRandom rng = new SplittableRandom(4);
        QNet viaGraph = QNet.create(12, 4, new int[] {8, 8}, 1e-2, 2, DataType.DOUBLE);
        QNet viaPass = viaGraph.copy();
        TdObjective g = new TdObjective(viaGraph, 1.0);
        TdObjective f = new TdObjective(viaPass, 1.0);
        double maxNorm = 0.05; // small, so that every step clips
        for (int step = 0; step < 5; step++) {
            float[] obs = observations(8, 12, false, rng);
            int[] taken = rng.ints(8, 0, 4).toArray();
            double[] targets = rng.doubles(8, -2, 2).toArray();
            TdObjective.Evaluation ev;
            try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.ND4J_OPS)) {
                ev = g.evaluate(obs, taken, targets, null);
                INDArray grad = viaGraph.gradient();
                double norm = grad.norm2Number().doubleValue();
                assertTrue(norm > maxNorm, "the test must clip: norm " + norm);
                grad.muli(maxNorm / norm);
                viaGraph.applyUpdate(ev.gradient());
            }
            f.evaluate(obs, taken, targets, null);
            viaPass.clipAndUpdate(maxNorm);
        }
        assertEquals(5, viaPass.iterationCount());
        double[] a = viaGraph.params().data().asDouble();
        double[] b = viaPass.params().data().asDouble();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-12 * Math.max(1, Math.abs(a[i])), "parameter " + i);
        }
    }

    /** {max |g_fast − g_graph| / max |g_graph|, |L_fast − L_graph|} for one random batch. */
    private static double[] compare(int batch, boolean sparse, boolean weighted) {
        int inputSize = 60;
        int actions = 5;
        SplittableRandom rng = new SplittableRandom(batch * 31L + (sparse ? 1 : 0));
        QNet net = QNet.create(inputSize, actions, new int[] {7, 6}, 1e-2, 5, DataType.DOUBLE);
        net.params().muli(3); // some TD errors beyond the Huber κ, so both branches of the loss are taken
        TdObjective objective = new TdObjective(net, 1.0);
        float[] obs = observations(batch, inputSize, sparse, rng);
        int[] taken = rng.ints(batch, 0, actions).toArray();
        double[] targets = rng.doubles(batch, -3, 3).toArray();
        double[] weights = weighted ? rng.doubles(batch, 0.1, 1).toArray() : null;
        double graphLoss;
        try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.ND4J_OPS)) {
            graphLoss = objective.evaluate(obs, taken, targets, weights).loss();
        }
        INDArray graph = net.gradient().dup();
        net.gradient().assign(Double.NaN); // the fast pass must overwrite every element
        double fastLoss = objective.evaluate(obs, taken, targets, weights).loss();
        assertEquals(sparse, net.pass(batch).sparseInput());
        double scale = graph.amaxNumber().doubleValue();
        assertTrue(java.util.Arrays.stream(net.gradient().dup().data().asDouble()).noneMatch(Double::isNaN),
                "the fast pass left gradient elements unwritten");
        double maxDiff = graph.sub(net.gradient()).amaxNumber().doubleValue();
        assertTrue(scale > 0, "the gradient must not be all zero");
        return new double[] {maxDiff / scale, Math.abs(fastLoss - graphLoss)};
    }

    /** {@code [rows * size]} uniform in [-1, 1), or, when {@code sparse}, zero outside every seventh column. */
    private static float[] observations(int rows, int size, boolean sparse, SplittableRandom rng) {
        float[] obs = new float[rows * size];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = !sparse || i % size % 7 == 3 ? (float) rng.nextDouble(-1, 1) : 0f;
        }
        return obs;
    }
}
