package dev.lantern.agents.actorcritic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.FixedInputPass;
import dev.lantern.agents.nn.GraphNetwork;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A probe evaluated on its support ({@link ActorCriticObjective#evaluateOnSupport}, {@link FixedInputPass}: distinct
 * rows only, the first layer from the rows' structure) gives the loss and gradient of the probe's full pass
 * ({@link ActorCriticObjective#evaluateFixed}): to rounding on a double network, to float rounding on a float one; the
 * full gradient is exactly zero off the support; the network's own first layer is never read; and the full pass is
 * right again after the support pass ran on the same network.
 */
class FixedInputPassTest {

    private static final PpoLoss LOSS = new PpoLoss(1e9, 0.5, 0.02);
    private static final int CELLS = 7;

    private record Compared(double lossGap, double gradientGap, int support, int parameters) {
    }

    @Test
    void gridProbeOnItsSupportMatchesTheFullPassInDoublePrecision() {
        Compared c = compare(DataType.DOUBLE, PpoFixtures.gridObs(40, CELLS, new SplittableRandom(3)));
        assertTrue(c.lossGap() < 1e-14, "loss differs by " + c.lossGap());
        assertTrue(c.gradientGap() < 1e-13, "gradient differs by " + c.gradientGap() + " of its largest entry");
        // zero in every row: the walls plane on the inner cells, the floor and agent planes on the two walls
        assertEquals(c.parameters() - ((CELLS - 2) + 4) * 8, c.support());
    }

    @Test
    void gridProbeOnItsSupportMatchesTheFullPassToFloatRounding() {
        Compared c = compare(DataType.FLOAT, PpoFixtures.gridObs(40, CELLS, new SplittableRandom(4)));
        assertTrue(c.lossGap() < 1e-6, "loss differs by " + c.lossGap());
        assertTrue(c.gradientGap() < 1e-5, "gradient differs by " + c.gradientGap() + " of its largest entry");
    }

    @Test
    void denseProbeHasEveryParameterInItsSupport() {
        Compared c = compare(DataType.DOUBLE, PpoFixtures.randomObs(24, 3 * CELLS, new SplittableRandom(5)));
        assertEquals(c.parameters(), c.support());
        assertTrue(c.lossGap() < 1e-14, "loss differs by " + c.lossGap());
        assertTrue(c.gradientGap() < 1e-13, "gradient differs by " + c.gradientGap());
    }

    @Test
    void termsOnTheSupportMatchTheFullPass() {
        SplittableRandom rng = new SplittableRandom(6);
        ActorCriticNet net = ActorCriticNet.create(3 * CELLS, 4, new int[] {8, 6}, 1e-2, 0, 2, DataType.DOUBLE);
        ActorCriticObjective objective = new ActorCriticObjective(net, LOSS);
        INDArray obs = PpoFixtures.gridObs(30, CELLS, rng);
        PpoTargets targets = PpoFixtures.randomTargets(30, 4, rng);
        int n = (int) net.parameterCount();
        INDArray[] full = {net.params().like(), net.params().like(), net.params().like()};
        double[] fullValues = new double[3];
        objective.evaluateTerms(obs, targets, fullValues, full);
        FixedInputPass pass = objective.fixedInputPass(obs);
        int[] support = pass.support();
        double[][] onSupport = new double[3][support.length];
        double[] values = new double[3];
        objective.evaluateTermsOnSupport(pass, targets, gather(net.params(), support), values, onSupport);
        for (int t = 0; t < 3; t++) {
            assertEquals(fullValues[t], values[t], 1e-14 * Math.max(1, Math.abs(fullValues[t])), "term " + t);
            double[] g = full[t].dup().data().asDouble();
            assertTrue(relativeGap(g, onSupport[t], support) < 1e-13, "term " + t);
        }
        assertEquals(n, full[0].length());
    }

    @Test
    void theNetworksFirstLayerIsNeverReadAndTheFullPassIsRightAfterwards() {
        SplittableRandom rng = new SplittableRandom(7);
        ActorCriticNet net = ActorCriticNet.create(3 * CELLS, 4, new int[] {8, 6}, 1e-2, 0, 3, DataType.DOUBLE);
        ActorCriticObjective objective = new ActorCriticObjective(net, LOSS);
        INDArray obs = PpoFixtures.gridObs(20, CELLS, rng);
        PpoTargets targets = PpoFixtures.randomTargets(20, 4, rng);
        FixedInputPass pass = objective.fixedInputPass(obs);
        double[] theta = gather(net.params(), pass.support());
        double[] g = new double[theta.length];
        double before = objective.evaluateOnSupport(pass, targets, theta, g);
        double fullBefore = objective.evaluateFixed(obs, targets).parts().total();
        // scale the network's own first layer: the support pass reads the first layer from theta only
        ParameterLayout.Block first = ParameterLayout.of(net.graph()).block(GraphNetwork.TORSO_0);
        INDArray scaled = net.params().dup();
        scaled.reshape(scaled.length()).get(NDArrayIndex.interval(first.offset(), first.offset() + first.size())).muli(3);
        net.setParams(scaled);
        double[] g2 = new double[theta.length];
        assertEquals(before, objective.evaluateOnSupport(pass, targets, theta, g2), 0);
        assertArrayEquals(g, g2, 0);
        // the full pass on the same network computes its first layer again, from the scaled weights
        double fullAfter = objective.evaluateFixed(obs, targets).parts().total();
        assertNotEquals(fullBefore, fullAfter);
        ActorCriticObjective fresh = new ActorCriticObjective(net, LOSS);
        assertEquals(fresh.evaluate(obs, targets).parts().total(), fullAfter, 1e-14);
    }

    /** The probe's full pass and its support pass at the network's parameters: the loss and gradient gaps. */
    private static Compared compare(DataType type, INDArray obs) {
        SplittableRandom rng = new SplittableRandom(11);
        ActorCriticNet net = ActorCriticNet.create(3 * CELLS, 4, new int[] {8, 6}, 1e-2, 0, 5, type);
        // move the biases and heads off their initial zeros, so that every term is exercised
        net.params().addi(Nd4j.rand(type, net.params().shape()).subi(0.5).muli(0.2));
        ActorCriticObjective objective = new ActorCriticObjective(net, LOSS);
        INDArray x = obs.castTo(type);
        PpoTargets targets = PpoFixtures.randomTargets((int) obs.rows(), 4, rng);
        double full = objective.evaluateFixed(x, targets).parts().total();
        double[] g = net.gradient().dup().castTo(DataType.DOUBLE).data().asDouble();
        FixedInputPass pass = objective.fixedInputPass(x);
        int[] support = pass.support();
        double[] onSupport = new double[support.length];
        double loss = objective.evaluateOnSupport(pass, targets, gather(net.params(), support), onSupport);
        assertTrue(pass.distinctRows() <= pass.batchSize());
        return new Compared(Math.abs(full - loss) / Math.abs(full), relativeGap(g, onSupport, support), support.length,
                g.length);
    }

    /** Max |full − support| / max |full| over the support; fails unless the full gradient is 0 off the support. */
    private static double relativeGap(double[] full, double[] onSupport, int[] support) {
        boolean[] in = new boolean[full.length];
        double scale = 0;
        double gap = 0;
        for (int k = 0; k < support.length; k++) {
            in[support[k]] = true;
            scale = Math.max(scale, Math.abs(full[support[k]]));
            gap = Math.max(gap, Math.abs(full[support[k]] - onSupport[k]));
        }
        for (int i = 0; i < full.length; i++) {
            assertTrue(in[i] || full[i] == 0, "parameter " + i + " is off the support, its gradient " + full[i]);
        }
        assertTrue(scale > 0, "a zero gradient would compare nothing");
        return gap / scale;
    }

    private static double[] gather(INDArray params, int[] support) {
        double[] all = params.dup().castTo(DataType.DOUBLE).data().asDouble();
        double[] out = new double[support.length];
        for (int k = 0; k < support.length; k++) {
            out[k] = all[support[k]];
        }
        return out;
    }
}
