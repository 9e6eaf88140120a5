package dev.lantern.agents.actorcritic;

import dev.lantern.agents.nn.ActorCriticNet;
import java.util.SplittableRandom;
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

    /** {@code [rows, cols]} doubles uniform in {@code [-1, 1)}, drawn row by row from {@code rng}. */
    public static INDArray randomObs(int rows, int cols, SplittableRandom rng) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble() * 2 - 1;
        }
        return Nd4j.create(d, new long[] {rows, cols}, 'c');
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
