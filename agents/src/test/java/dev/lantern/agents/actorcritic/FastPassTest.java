package dev.lantern.agents.actorcritic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.ActorCriticNet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fast training pass ({@code DensePass}, used by {@link ActorCriticObjective#evaluate}) gives the loss and gradient
 * of DL4J's own {@code feedForward} + {@code backpropGradient} path ({@link ActorCriticObjective#evaluateThroughGraph}):
 * to ~1e-12 relative in double precision, to float rounding in single precision, and the Adam step after it too.
 */
class FastPassTest {

    private static final PpoLoss LOSS = new PpoLoss(0.2, 0.5, 0.01);

    @Test
    void doubleGradientMatchesTheGraphPath() {
        for (int batch : new int[] {1, 6, 32}) {
            assertWithin(compare(DataType.DOUBLE, 9, new int[] {7, 5}, 4, batch, false), 1e-12, 1e-12,
                    "batch " + batch + ": ");
        }
    }

    @Test
    void floatGradientMatchesTheGraphPathOnTheStandardShape() {
        // Four-rooms' one-hot input size and Lantern's 64-64 torso.
        assertWithin(compare(DataType.FLOAT, 1183, new int[] {64, 64}, 4, 32, false), 1e-4, 1e-5, "");
    }

    @Test
    void doubleSparseInputMatchesTheGraphPath() {
        assertWithin(compare(DataType.DOUBLE, 60, new int[] {7, 5}, 4, 6, true), 1e-12, 1e-12, "");
    }

    @Test
    void floatSparseInputMatchesTheGraphPath() {
        // Random inputs that are zero outside a few columns: the compressed first layer, against DL4J's dense one.
        assertWithin(compare(DataType.FLOAT, 300, new int[] {16, 8}, 4, 12, true), 1e-4, 1e-5, "");
    }

    /**
     * Columns that hold one value in every row (as a map's walls do) are folded into the bias: with such columns at
     * values other than 1, varying columns, subnormal and negative-zero entries, and a batch of one (every active column
     * constant), the loss and gradient still match the graph path to double rounding.
     */
    @Test
    void doubleSparseInputWithConstantColumnsMatchesTheGraphPath() {
        int inputSize = 50;
        for (int batch : new int[] {1, 5, 24}) {
            SplittableRandom rng = new SplittableRandom(batch);
            ActorCriticNet net = ActorCriticNet.create(inputSize, 4, new int[] {7, 5}, 1e-2, 0, 5, DataType.DOUBLE);
            net.params().muli(3);
            ActorCriticObjective objective = new ActorCriticObjective(net, LOSS);
            double[] x = new double[batch * inputSize];
            for (int b = 0; b < batch; b++) {
                int o = b * inputSize;
                x[o + 2] = 1;
                x[o + 7] = -0.75;
                x[o + 11] = 1e-310;
                x[o + 13] = b % 2 == 0 ? -0.0 : 0.0; // never active
                x[o + 20 + rng.nextInt(6)] = 1;      // varying one-hot
                x[o + 30] = rng.nextDouble() - 0.5;  // varying dense
                x[o + 40] = b == 1 ? 2.0 : 0.5;      // constant except in one row
            }
            INDArray obs = org.nd4j.linalg.factory.Nd4j.create(x, new long[] {batch, inputSize}, 'c');
            PpoTargets targets = PpoFixtures.randomTargets(batch, 4, rng);
            double graphLoss = objective.evaluateThroughGraph(obs, targets).parts().total();
            double[] graph = net.gradient().dup().data().asDouble();
            net.gradient().assign(Double.NaN);
            double fastLoss = objective.evaluate(obs, targets).parts().total();
            assertTrue(net.pass(batch).sparseInput(), "batch " + batch);
            double[] fast = net.gradient().dup().data().asDouble();
            assertWithin(new double[] {relativeDifference(graph, fast), Math.abs(fastLoss - graphLoss)}, 1e-12, 1e-12,
                    "batch " + batch + ": ");
        }
    }

    @Test
    void oneHotGridObservationsTakeTheSparsePathAndMatchTheGraphPath() {
        int batch = 32;
        java.util.List<dev.lantern.environments.grid.GridWorld> worlds = new java.util.ArrayList<>();
        for (int i = 0; i < batch; i++) {
            worlds.add(dev.lantern.environments.registry.EnvRegistry.make("grid/four-rooms-v1"));
        }
        dev.lantern.environments.api.VectorEnv envs = new dev.lantern.environments.api.VectorEnv(worlds, 3);
        envs.reset();
        SplittableRandom rng = new SplittableRandom(9);
        int[] walk = new int[batch];
        for (int s = 0; s < 10; s++) {
            java.util.Arrays.setAll(walk, e -> rng.nextInt(4));
            envs.step(walk);
        }
        int inputSize = envs.spec().observationSize();
        float[] obs = java.util.Arrays.copyOf(envs.observations, batch * inputSize);
        ActorCriticNet net = ActorCriticNet.create(inputSize, 4, new int[] {64, 64}, 1e-2, 0, 5, DataType.FLOAT);
        net.params().muli(3);
        ActorCriticObjective objective = new ActorCriticObjective(net, LOSS);
        PpoTargets targets = PpoFixtures.randomTargets(batch, 4, rng);
        double graphLoss = objective.evaluateThroughGraph(
                org.nd4j.linalg.factory.Nd4j.create(obs, new long[] {batch, inputSize}, 'c'), targets).parts().total();
        double[] graph = net.gradient().dup().data().asDouble();
        net.gradient().assign(Double.NaN);
        double fastLoss = objective.evaluate(obs, targets).parts().total();
        assertTrue(net.pass(batch).sparseInput(), "one-hot grid observations should use the compressed first layer");
        double[] fast = net.gradient().dup().data().asDouble();
        double relative = relativeDifference(graph, fast);
        assertTrue(relative < 1e-4, "max relative gradient difference " + relative);
        assertEquals(graphLoss, fastLoss, 1e-5);
    }

    /** Asserts {@code diff} (as {@link #compare} returns it) below the gradient and loss tolerances. */
    private static void assertWithin(double[] diff, double gradientTolerance, double lossTolerance, String label) {
        assertTrue(diff[0] < gradientTolerance, label + "max relative gradient difference " + diff[0]);
        assertTrue(diff[1] < lossTolerance, label + "loss difference " + diff[1]);
    }

    /** {max |g_fast − g_graph| / max |g_graph|, |L_fast − L_graph|}. */
    private static double[] compare(DataType type, int inputSize, int[] hidden, int actions, int batch,
            boolean fewColumns) {
        SplittableRandom rng = new SplittableRandom(inputSize * 31L + batch);
        ActorCriticNet net = ActorCriticNet.create(inputSize, actions, hidden, 1e-2, 0, 5, type);
        net.params().muli(3); // far from uniform, so some ratios leave the clip range
        ActorCriticObjective objective = new ActorCriticObjective(net, LOSS);
        INDArray obs = PpoFixtures.randomObs(batch, inputSize, rng).castTo(type);
        if (fewColumns) {
            for (int i = 0; i < inputSize; i++) {
                if (i % 7 != 3) {
                    obs.getColumn(i).assign(0);
                }
            }
        }
        PpoTargets targets = PpoFixtures.randomTargets(batch, actions, rng);
        double graphLoss = objective.evaluateThroughGraph(obs, targets).parts().total();
        double[] graph = net.gradient().dup().data().asDouble();
        net.gradient().assign(Double.NaN); // the fast path must overwrite every element
        double fastLoss = objective.evaluate(obs, targets).parts().total();
        assertEquals(fewColumns, net.pass(batch).sparseInput());
        double[] fast = net.gradient().dup().data().asDouble();
        return new double[] {relativeDifference(graph, fast), Math.abs(fastLoss - graphLoss)};
    }

    /** {@code max |fast − graph| / max |graph|}, asserting that the graph gradient is not all zero. */
    private static double relativeDifference(double[] graph, double[] fast) {
        double scale = 0;
        double maxDiff = 0;
        for (int i = 0; i < graph.length; i++) {
            scale = Math.max(scale, Math.abs(graph[i]));
            maxDiff = Math.max(maxDiff, Math.abs(graph[i] - fast[i]));
        }
        assertTrue(scale > 0);
        return maxDiff / scale;
    }

    @Test
    void plainArrayInputGivesTheSameBitsAsAnINDArray() {
        SplittableRandom rng = new SplittableRandom(3);
        ActorCriticNet net = ActorCriticNet.create(9, 4, new int[] {8, 8}, 1e-2, 0, 1, DataType.FLOAT);
        ActorCriticObjective objective = new ActorCriticObjective(net, LOSS);
        INDArray obs = PpoFixtures.randomObs(5, 9, rng).castTo(DataType.FLOAT);
        PpoTargets targets = PpoFixtures.randomTargets(5, 4, rng);
        double a = objective.evaluate(obs, targets).parts().total();
        float[] ga = net.gradient().dup().data().asFloat();
        double b = objective.evaluate(obs.data().asFloat(), targets).parts().total();
        assertEquals(a, b, 0);
        assertArrayEquals(ga, net.gradient().dup().data().asFloat());
    }

    @Test
    void adamStepsAfterBothPathsAgree() {
        SplittableRandom rng = new SplittableRandom(4);
        ActorCriticNet viaGraph = ActorCriticNet.create(9, 4, new int[] {8, 8}, 1e-2, 0, 2, DataType.DOUBLE);
        ActorCriticNet viaPass = viaGraph.copy();
        ActorCriticObjective g = new ActorCriticObjective(viaGraph, LOSS);
        ActorCriticObjective f = new ActorCriticObjective(viaPass, LOSS);
        for (int step = 0; step < 5; step++) {
            INDArray obs = PpoFixtures.randomObs(8, 9, rng);
            PpoTargets targets = PpoFixtures.randomTargets(8, 4, rng);
            viaGraph.applyUpdate(g.evaluateThroughGraph(obs, targets).gradient());
            viaPass.applyUpdate(f.evaluate(obs, targets).gradient());
        }
        assertEquals(5, viaPass.iterationCount());
        double[] a = viaGraph.params().data().asDouble();
        double[] b = viaPass.params().data().asDouble();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-12 * Math.max(1, Math.abs(a[i])), "parameter " + i);
        }
    }
}
