package dev.lantern.agents.actorcritic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.Softmax;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A2C runs on PPO's machinery with no clip and one step per rollout; this checks the claim it rests on: at the
 * step's start (old log-probabilities = current ones) the gradient of the surrogate {@code −mean(r A)} equals the
 * gradient of A2C's policy loss {@code −mean(log π(a|s) A)}, computed here by central finite differences.
 */
class A2cGradientTest {

    @Test
    void theUnclippedSurrogateHasThePolicyGradientAtTheStart() {
        SplittableRandom rng = new SplittableRandom(21);
        ActorCriticNet net = PpoFixtures.tinyNet(9);
        net.params().muli(2);
        INDArray obs = PpoFixtures.randomObs(7, 5, rng);
        PpoTargets random = PpoFixtures.randomTargets(7, 3, rng);
        double[] logp = logProbs(net, obs, random.actions());
        PpoTargets targets = new PpoTargets(random.actions(), logp, random.advantages(), random.returns());
        ActorCriticObjective objective = new ActorCriticObjective(net, new PpoLoss(Double.POSITIVE_INFINITY, 0, 0));
        objective.evaluate(obs, targets);
        double[] analytic = net.gradient().dup().data().asDouble();
        double[] numeric = PpoFixtures.numericGradient(net, () -> a2cPolicyLoss(net, obs, targets), 1e-6);
        double maxError = 0;
        double maxGrad = 0;
        for (int i = 0; i < analytic.length; i++) {
            maxError = Math.max(maxError, Math.abs(numeric[i] - analytic[i]));
            maxGrad = Math.max(maxGrad, Math.abs(numeric[i]));
        }
        assertTrue(maxGrad > 1e-3, "the policy loss should depend on the parameters");
        assertTrue(maxError < 1e-7, "max |numeric - analytic| = " + maxError);
    }

    private static double a2cPolicyLoss(ActorCriticNet net, INDArray obs, PpoTargets t) {
        double[] logp = logProbs(net, obs, t.actions());
        double sum = 0;
        for (int i = 0; i < logp.length; i++) {
            sum += logp[i] * t.advantages()[i];
        }
        return -sum / logp.length;
    }

    private static double[] logProbs(ActorCriticNet net, INDArray obs, int[] actions) {
        int n = actions.length;
        double[] logits = net.output(obs)[0].dup('c').data().asDouble();
        double[] p = new double[logits.length];
        Softmax.rows(logits, n, net.actionCount(), p);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.log(p[i * net.actionCount() + actions[i]]);
        }
        return out;
    }
}
