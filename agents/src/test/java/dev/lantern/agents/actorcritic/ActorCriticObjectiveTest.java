package dev.lantern.agents.actorcritic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.ActorCriticNet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The analytic gradient of the PPO objective through the network agrees with central finite differences. */
class ActorCriticObjectiveTest {

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(7);
        ActorCriticNet net = PpoFixtures.tinyNet(3);
        // Larger weights so that the policy is far from uniform and some ratios leave the clip range.
        net.params().muli(3);
        ActorCriticObjective objective = new ActorCriticObjective(net, new PpoLoss(0.2, 0.5, 0.01));
        INDArray obs = PpoFixtures.randomObs(6, 5, rng);
        PpoTargets targets = PpoFixtures.randomTargets(6, 3, rng);
        objective.evaluate(obs, targets);
        double[] analytic = net.gradient().dup().data().asDouble();
        double[] numeric = PpoFixtures.numericGradient(net, () -> objective.evaluate(obs, targets).parts().total(), 1e-6);
        double maxError = 0;
        for (int i = 0; i < analytic.length; i++) {
            maxError = Math.max(maxError, Math.abs(numeric[i] - analytic[i]));
        }
        assertTrue(maxError < 1e-7, "max |numeric - analytic| = " + maxError);
    }

    @Test
    void lossPartsAddUp() {
        SplittableRandom rng = new SplittableRandom(11);
        ActorCriticNet net = PpoFixtures.tinyNet(5);
        ActorCriticObjective objective = new ActorCriticObjective(net, new PpoLoss(0.2, 0.5, 0.01));
        LossParts p = objective.evaluate(PpoFixtures.randomObs(4, 5, rng), PpoFixtures.randomTargets(4, 3, rng)).parts();
        assertEquals(p.policy() + 0.5 * p.value() - 0.01 * p.entropy(), p.total(), 1e-12);
        assertTrue(p.entropy() > 0 && p.entropy() <= Math.log(3) + 1e-12);
    }
}
