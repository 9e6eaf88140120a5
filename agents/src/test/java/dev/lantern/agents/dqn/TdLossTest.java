package dev.lantern.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.environments.random.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The Huber TD loss, its gradient (by finite differences, in double), and the (double) DQN targets. */
class TdLossTest {

    @Test
    void doubleDqnLetsTheOnlineNetworkPickAndTheTargetNetworkValue() {
        double[] online = {1, 3, 2, /* */ 2, 2, 1, /* */ 0, 0, 9};
        double[] target = {5, 0.5, 7, /* */ 4, 8, 1, /* */ 6, 6, 6};
        double[] returns = {1, -0.5, 2};
        double[] discounts = {0.9, 0.81, 0};
        double[] y = new double[3];
        TdLoss.targets(online, target, 3, returns, discounts, true, y);
        // online argmax: action 1 (3 > 2 > 1); ties 2 = 2 go to action 0; the third is terminal (discount 0)
        assertArrayEquals(new double[] {1 + 0.9 * 0.5, -0.5 + 0.81 * 4, 2}, y, 1e-15);
        TdLoss.targets(null, target, 3, returns, discounts, false, y);
        assertArrayEquals(new double[] {1 + 0.9 * 7, -0.5 + 0.81 * 8, 2}, y, 1e-15);
    }

    @Test
    void theHuberLossIsQuadraticInsideAndLinearOutsideOnTheTakenActionOnly() {
        double[] q = {0.5, 3.0, /* */ -1, 0};
        int[] taken = {1, 0};
        double[] y = {1.0, 1.5};
        double[] dQ = new double[4];
        double[] td = new double[2];
        double loss = TdLoss.evaluate(q, 2, taken, y, new double[] {1, 0.5}, 1.0, dQ, td);
        // δ = 2 (linear: 1 * (2 - 0.5) = 1.5), δ = -2.5 (linear, weight 0.5: 0.5 * 2 = 1); mean over 2
        assertEquals((1.5 + 1.0) / 2, loss, 1e-15);
        assertArrayEquals(new double[] {0, 0.5, -0.25, 0}, dQ, 1e-15);
        assertArrayEquals(new double[] {2, -2.5}, td, 1e-15);
    }

    @Test
    void theLossGradientMatchesFiniteDifferences() {
        Rng rng = new Rng(5);
        int b = 6;
        int actions = 3;
        double[] q = new double[b * actions];
        for (int i = 0; i < q.length; i++) {
            q[i] = 3 * rng.nextGaussian();
        }
        int[] taken = new int[b];
        double[] y = new double[b];
        double[] w = new double[b];
        for (int i = 0; i < b; i++) {
            taken[i] = rng.nextInt(actions);
            y[i] = rng.nextGaussian();
            w[i] = 0.2 + rng.nextDouble();
        }
        double[] dQ = new double[q.length];
        TdLoss.evaluate(q, actions, taken, y, w, 1.0, dQ, null);
        double h = 1e-6;
        double[] scratch = new double[q.length];
        for (int j = 0; j < q.length; j++) {
            double[] plus = q.clone();
            double[] minus = q.clone();
            plus[j] += h;
            minus[j] -= h;
            double fd = (TdLoss.evaluate(plus, actions, taken, y, w, 1.0, scratch, null)
                    - TdLoss.evaluate(minus, actions, taken, y, w, 1.0, scratch, null)) / (2 * h);
            assertEquals(fd, dQ[j], 1e-8, "dL/dQ[" + j + "]");
        }
    }

    @Test
    void theNetworkGradientMatchesFiniteDifferences() {
        QNet net = QNet.create(5, 3, new int[] {6, 4}, 1e-3, 9, DataType.DOUBLE);
        Rng rng = new Rng(2);
        int b = 7;
        float[] obs = new float[b * 5];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) rng.nextGaussian();
        }
        int[] taken = new int[b];
        double[] y = new double[b];
        for (int i = 0; i < b; i++) {
            taken[i] = rng.nextInt(3);
            y[i] = 2 * rng.nextGaussian(); // some |δ| beyond κ = 0.5, some inside
        }
        TdObjective objective = new TdObjective(net, 0.5);
        INDArray in = net.batch(obs, b);
        objective.evaluate(in, taken, y, null);
        double[] grad = net.gradient().dup().data().asDouble();
        INDArray theta = net.params().dup();
        double h = 1e-6;
        for (int j = 0; j < grad.length; j++) {
            INDArray p = theta.dup();
            p.putScalar(j, theta.getDouble(j) + h);
            net.setParams(p);
            double up = objective.evaluate(in, taken, y, null).loss();
            p.putScalar(j, theta.getDouble(j) - h);
            net.setParams(p);
            double down = objective.evaluate(in, taken, y, null).loss();
            assertEquals((up - down) / (2 * h), grad[j], 1e-7 + 1e-5 * Math.abs(grad[j]), "parameter " + j);
        }
    }
}
