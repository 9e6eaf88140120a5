package dev.lantern.agents.actorcritic;

import dev.lantern.agents.nn.ActorCriticNet;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test fixtures for PPO's loss (shared through agents' test-jar): a tiny double-precision actor-critic network and
 * seeded random observations and targets.
 */
public final class PpoFixtures {

    private PpoFixtures() {
    }

    /** A {@code 5 -> [4, 4] -> 3} actor-critic network in double precision, initialized from {@code seed}. */
    public static ActorCriticNet tinyNet(long seed) {
        return ActorCriticNet.create(5, 3, new int[] {4, 4}, 1e-2, 0, seed, DataType.DOUBLE);
    }

    /**
     * {@code [rows, 3 cells]} one-hot planes of a one-row grid of {@code cells >= 3} cells, the way grid worlds observe:
     * plane 0 the walls (the two end cells, in every row), plane 1 the floor (the inner cells the agent is not on),
     * plane 2 the agent (on an inner cell drawn from {@code rng}). Rows repeat (few cells), many columns are zero in
     * every row (walls on the inner cells, the agent on the walls), and most are the same in every row.
     */
    public static INDArray gridObs(int rows, int cells, SplittableRandom rng) {
        double[] d = new double[rows * 3 * cells];
        for (int r = 0; r < rows; r++) {
            int o = r * 3 * cells;
            int agent = 1 + rng.nextInt(cells - 2);
            d[o] = 1;
            d[o + cells - 1] = 1;
            for (int c = 1; c < cells - 1; c++) {
                d[o + (c == agent ? 2 : 1) * cells + c] = 1;
            }
        }
        return Nd4j.create(d, new long[] {rows, 3L * cells}, 'c');
    }

    /** {@code [rows, cols]} doubles uniform in {@code [-1, 1)}, drawn row by row from {@code rng}. */
    public static INDArray randomObs(int rows, int cols, SplittableRandom rng) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble() * 2 - 1;
        }
        return Nd4j.create(d, new long[] {rows, cols}, 'c');
    }

    /**
     * The central-difference gradient {@code (L(θ + h e_i) − L(θ − h e_i)) / 2h} of {@code loss} for every parameter
     * {@code i} of {@code net}; the parameters are put back afterwards.
     *
     * @param loss evaluates the loss at the network's current parameters
     */
    public static double[] numericGradient(ActorCriticNet net, DoubleSupplier loss, double h) {
        INDArray theta = net.params().dup();
        double[] numeric = new double[(int) theta.length()];
        for (int i = 0; i < numeric.length; i++) {
            INDArray plus = theta.dup();
            plus.putScalar(i, theta.getDouble(i) + h);
            net.setParams(plus);
            double lp = loss.getAsDouble();
            INDArray minus = theta.dup();
            minus.putScalar(i, theta.getDouble(i) - h);
            net.setParams(minus);
            double lm = loss.getAsDouble();
            numeric[i] = (lp - lm) / (2 * h);
        }
        net.setParams(theta);
        return numeric;
    }

    /**
     * {@code n} targets over {@code actions} actions: uniform actions, behaviour log-probabilities near uniform
     * ({@code ± 0.05}), advantages uniform in {@code [-1, 1)}, returns uniform in {@code [0, 1)}.
     */
    public static PpoTargets randomTargets(int n, int actions, SplittableRandom rng) {
        int[] a = new int[n];
        double[] logp = new double[n];
        double[] adv = new double[n];
        double[] ret = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextInt(actions);
            logp[i] = Math.log(1.0 / actions) + (rng.nextDouble() - 0.5) * 0.1;
            adv[i] = rng.nextDouble() * 2 - 1;
            ret[i] = rng.nextDouble();
        }
        return new PpoTargets(a, logp, adv, ret);
    }
}
