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
 * The probe's pass ({@link ActorCriticObjective#evaluateFixed}: observations kept between calls, tanh's backward on the
 * host) gives the loss and gradient of the training pass ({@link ActorCriticObjective#evaluate}): bit for bit in the
 * loss, to the last bit of the type in the gradient; and kept observations are not stale after the parameters move.
 */
class ProbePassTest {

    private static final PpoLoss LOSS = new PpoLoss(0.2, 0.5, 0.01);

    @Test
    void doubleProbeGradientMatchesTheTrainingPass() {
        assertTrue(maxRelativeDifference(DataType.DOUBLE) < 1e-13);
    }

    @Test
    void floatProbeGradientMatchesTheTrainingPassToFloatRounding() {
        assertTrue(maxRelativeDifference(DataType.FLOAT) < 1e-5);
    }

    @Test
    void keptObservationsFollowTheParameters() {
        SplittableRandom rng = new SplittableRandom(5);
        ActorCriticNet net = ActorCriticNet.create(9, 4, new int[] {8, 8}, 1e-2, 0, 1, DataType.DOUBLE);
        ActorCriticObjective probe = new ActorCriticObjective(net, LOSS);
        ActorCriticObjective reference = new ActorCriticObjective(net, LOSS);
        INDArray obs = PpoFixtures.randomObs(6, 9, rng);
        PpoTargets targets = PpoFixtures.randomTargets(6, 4, rng);
        double first = probe.evaluateFixed(obs, targets).parts().total();
        net.params().muli(1.5); // the parameters move, the observations stay
        double second = probe.evaluateFixed(obs, targets).parts().total();
        double[] kept = net.gradient().dup().data().asDouble();
        double fresh = reference.evaluate(obs, targets).parts().total();
        assertTrue(first != second, "the loss should change when the parameters do");
        assertEquals(fresh, second, 1e-12 * Math.abs(fresh));
        assertArrayEquals(net.gradient().dup().data().asDouble(), kept, 1e-12);
    }

    /** Max |probe − training| / max |training| over the gradient, on one batch of a 30-16-8 network. */
    private static double maxRelativeDifference(DataType type) {
        SplittableRandom rng = new SplittableRandom(7);
        ActorCriticNet net = ActorCriticNet.create(30, 4, new int[] {16, 8}, 1e-2, 0, 3, type);
        INDArray obs = PpoFixtures.randomObs(12, 30, rng).castTo(type);
        PpoTargets targets = PpoFixtures.randomTargets(12, 4, rng);
        double training = new ActorCriticObjective(net, LOSS).evaluate(obs, targets).parts().total();
        double[] g = net.gradient().dup().castTo(DataType.DOUBLE).data().asDouble();
        double probed = new ActorCriticObjective(net, LOSS).evaluateFixed(obs, targets).parts().total();
        double[] p = net.gradient().dup().castTo(DataType.DOUBLE).data().asDouble();
        assertEquals(training, probed, 0, "the forward pass is the same");
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < g.length; i++) {
            scale = Math.max(scale, Math.abs(g[i]));
            diff = Math.max(diff, Math.abs(g[i] - p[i]));
        }
        assertTrue(scale > 0, "a zero gradient would compare nothing");
        return diff / scale;
    }
}
