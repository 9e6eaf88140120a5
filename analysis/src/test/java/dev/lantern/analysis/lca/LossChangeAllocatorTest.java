package dev.lantern.analysis.lca;

import static dev.lantern.agents.actorcritic.PpoFixtures.randomObs;
import static dev.lantern.agents.actorcritic.PpoFixtures.randomTargets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.actorcritic.ActorCriticObjective;
import dev.lantern.agents.actorcritic.PpoLoss;
import dev.lantern.agents.actorcritic.PpoTargets;
import dev.lantern.agents.actorcritic.ProbeLoss;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.api.ParameterLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Numerical invariants of loss change allocation, in double precision. */
class LossChangeAllocatorTest {

    /** f(θ) = Σ c_i θ_i³ + θ_0 θ_1: Simpson's rule integrates its gradient along a line exactly (cubic in s). */
    private static final GradientOracle CUBIC = (theta, g) -> {
        double f = theta[0] * theta[1];
        for (int i = 0; i < theta.length; i++) {
            double c = i + 1;
            f += c * theta[i] * theta[i] * theta[i];
            g[i] = 3 * c * theta[i] * theta[i];
        }
        g[0] += theta[1];
        g[1] += theta[0];
        return f;
    };

    @Test
    void simpsonIsExactOnACubic() {
        double[] t0 = {0.3, -1.2, 0.7};
        double[] t1 = {-0.5, 0.4, 1.9};
        double[] end = new double[3];
        StepAllocation s = new LossChangeAllocator(1e-3, 32).allocate(CUBIC, t0, t1, null, 0, end);
        assertEquals(1, s.pieces());
        assertEquals(3, s.gradientEvaluations());
        assertEquals(s.actual(), s.allocated(), 1e-12);
        double[] g = new double[3];
        CUBIC.evaluate(t1, g);
        assertEquals(g[2], end[2], 0);
    }

    @Test
    void reusedStartGradientSavesAnEvaluationAndGivesTheSameAnswer() {
        double[] t0 = {0.1, 0.2, 0.3};
        double[] t1 = {0.2, 0.1, 0.5};
        double[] g0 = new double[3];
        double l0 = CUBIC.evaluate(t0, g0);
        LossChangeAllocator lca = new LossChangeAllocator(1e-3, 32);
        StepAllocation fresh = lca.allocate(CUBIC, t0, t1, null, 0, new double[3]);
        StepAllocation reused = lca.allocate(CUBIC, t0, t1, g0, l0, new double[3]);
        assertEquals(2, reused.gradientEvaluations());
        assertEquals(fresh.allocated(), reused.allocated(), 0);
    }

    @Test
    void adaptiveSplittingShrinksTheErrorOnARoughPath() {
        // f(θ) = sin(10 θ_0) + cos(7 θ_1): far from polynomial over a long step.
        GradientOracle wavy = (t, g) -> {
            g[0] = 10 * Math.cos(10 * t[0]);
            g[1] = -7 * Math.sin(7 * t[1]);
            return Math.sin(10 * t[0]) + Math.cos(7 * t[1]);
        };
        double[] t0 = {0, 0};
        double[] t1 = {1.3, -0.9};
        StepAllocation coarse = new LossChangeAllocator(Double.MAX_VALUE, 32).allocate(wavy, t0, t1, null, 0, new double[2]);
        StepAllocation fine = new LossChangeAllocator(1e-9, 32).allocate(wavy, t0, t1, null, 0, new double[2]);
        assertEquals(1, coarse.pieces());
        assertTrue(fine.pieces() > 1, "pieces " + fine.pieces());
        assertTrue(Math.abs(fine.error()) <= 1e-9 || fine.pieces() == 32, "error " + fine.error());
        assertTrue(Math.abs(fine.error()) < Math.abs(coarse.error()) / 100, fine.error() + " vs " + coarse.error());
        // 1 + 2 + 4 + ... midpoints plus the two ends: every earlier point is reused.
        assertEquals(2 + 2 * fine.pieces() - 1, fine.gradientEvaluations());
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new LossChangeAllocator(-1, 32));
        assertThrows(IllegalArgumentException.class, () -> new LossChangeAllocator(1e-3, 3));
    }

    @Test
    void oneRealPpoStepIsAllocatedWithinOnePartPerMillion() {
        SplittableRandom rng = new SplittableRandom(5);
        ActorCriticNet net = ActorCriticNet.create(6, 4, new int[] {8, 8}, 0.01, 0, 42, DataType.DOUBLE);
        ActorCriticObjective objective = new ActorCriticObjective(net, new PpoLoss(0.2, 0.5, 0.01));
        INDArray obs = randomObs(32, 6, rng);
        PpoTargets targets = randomTargets(32, 4, rng);
        INDArray before = net.params().dup();
        ActorCriticObjective.Evaluation e = objective.evaluate(obs, targets);
        net.applyUpdate(e.gradient());
        INDArray after = net.params().dup();
        ProbeLoss probe = new ProbeLoss(objective, randomObs(16, 6, rng), randomTargets(16, 4, rng), 0, "test probe");
        StepAllocation s = new LossChangeAllocator(1e-3, 32).allocate(new PinnedLossOracle(probe, net.dataType(), (int) net.parameterCount(), false),
                before.data().asDouble(), after.data().asDouble(), null, 0, new double[(int) net.parameterCount()]);
        assertTrue(Math.abs(s.actual()) > 1e-6, "the step must change the probe loss, got " + s.actual());
        double relative = Math.abs(s.error()) / Math.abs(s.actual());
        assertTrue(relative < 1e-6, "relative error " + relative);
        // Per-layer sums add up to the total.
        double[] perLayer = ParameterLayout.of(net.graph()).sumPerLayer(s.allocation());
        double sum = 0;
        for (double v : perLayer) {
            sum += v;
        }
        assertEquals(s.allocated(), sum, 1e-12);
        assertNotNull(s.allocation());
    }
}
