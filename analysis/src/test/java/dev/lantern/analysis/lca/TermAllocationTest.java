package dev.lantern.analysis.lca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.actorcritic.ActorCriticObjective;
import dev.lantern.agents.actorcritic.PpoFixtures;
import dev.lantern.agents.actorcritic.PpoLoss;
import dev.lantern.agents.actorcritic.ProbeLoss;
import dev.lantern.agents.nn.ActorCriticNet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Allocation split by loss term: each term's allocations sum to its own real change, and the terms to the total. */
class TermAllocationTest {

    /** Three hand-built terms of θ ∈ R³: a cubic, a wavy product and an exponential. */
    private static final TermOracle TERMS = new TermOracle() {
        @Override
        public int terms() {
            return 3;
        }

        @Override
        public void evaluate(double[] t, double[] v, double[][] g) {
            v[0] = t[0] * t[0] * t[0] + t[1] * t[1];
            g[0][0] = 3 * t[0] * t[0];
            g[0][1] = 2 * t[1];
            g[0][2] = 0;
            v[1] = Math.sin(5 * t[0]) * t[2];
            g[1][0] = 5 * Math.cos(5 * t[0]) * t[2];
            g[1][1] = 0;
            g[1][2] = Math.sin(5 * t[0]);
            v[2] = Math.exp(t[1] - t[2]);
            g[2][0] = 0;
            g[2][1] = v[2];
            g[2][2] = -v[2];
        }
    };

    @Test
    void eachTermSumsToItsOwnChangeAndTheTermsToTheWholeLoss() {
        double[] t0 = {0.1, -0.4, 0.7};
        double[] t1 = {0.9, 0.3, -0.2};
        double[][] ends = new double[3][3];
        StepAllocation[] perTerm = new LossChangeAllocator(1e-7, 64).allocateTerms(TERMS, t0, t1, null, null, ends);
        double[] v0 = new double[3];
        double[] v1 = new double[3];
        TERMS.evaluate(t0, v0, new double[3][3]);
        TERMS.evaluate(t1, v1, new double[3][3]);
        for (int k = 0; k < 3; k++) {
            assertEquals(v1[k] - v0[k], perTerm[k].actual(), 0, "term " + k + "'s real change");
            assertTrue(Math.abs(perTerm[k].error()) <= 1e-7, "term " + k + " error " + perTerm[k].error());
            assertEquals(perTerm[0].pieces(), perTerm[k].pieces(), "the terms share their points");
        }
        // The whole loss, allocated as one function on the same points, is the sum of the terms' allocations.
        GradientOracle whole = (t, g) -> {
            double[] v = new double[3];
            double[][] gs = new double[3][3];
            TERMS.evaluate(t, v, gs);
            for (int i = 0; i < 3; i++) {
                g[i] = gs[0][i] + gs[1][i] + gs[2][i];
            }
            return v[0] + v[1] + v[2];
        };
        StepAllocation total = new LossChangeAllocator(0, perTerm[0].pieces()).allocate(whole, t0, t1, null, 0,
                new double[3]);
        for (int i = 0; i < 3; i++) {
            double sum = perTerm[0].allocation()[i] + perTerm[1].allocation()[i] + perTerm[2].allocation()[i];
            assertEquals(total.allocation()[i], sum, 1e-12, "parameter " + i);
        }
    }

    @Test
    void refinementContinuesUntilTheWorstTermIsWithinTheThreshold() {
        double[] t0 = {0, 0, 1};
        double[] t1 = {1.5, 0.2, -1};
        StepAllocation[] coarse = new LossChangeAllocator(Double.MAX_VALUE, 32).allocateTerms(TERMS, t0, t1, null,
                null, new double[3][3]);
        StepAllocation[] fine = new LossChangeAllocator(1e-5, 32).allocateTerms(TERMS, t0, t1, null, null,
                new double[3][3]);
        assertEquals(1, coarse[0].pieces());
        assertTrue(Math.abs(coarse[1].error()) > 1e-5, "the wavy term needs splitting: " + coarse[1].error());
        for (StepAllocation s : fine) {
            assertTrue(Math.abs(s.error()) <= 1e-5, "error " + s.error() + " with " + s.pieces() + " pieces");
        }
    }

    @Test
    void aRealPpoStepSplitsIntoPolicyValueAndEntropy() {
        SplittableRandom rng = new SplittableRandom(7);
        ActorCriticNet net = ActorCriticNet.create(6, 4, new int[] {8, 8}, 0.01, 0, 42, DataType.DOUBLE);
        ActorCriticObjective objective = new ActorCriticObjective(net, new PpoLoss(0.2, 0.5, 0.01));
        INDArray before = net.params().dup();
        net.applyUpdate(objective.evaluate(PpoFixtures.randomObs(32, 6, rng), PpoFixtures.randomTargets(32, 4, rng))
                .gradient());
        INDArray after = net.params().dup();
        ProbeLoss probe = new ProbeLoss(objective, PpoFixtures.randomObs(16, 6, rng),
                PpoFixtures.randomTargets(16, 4, rng), 0, "test probe");
        int n = (int) net.parameterCount();
        PinnedLossOracle oracle = new PinnedLossOracle(probe, net.dataType(), n, true);
        assertEquals(PpoLoss.TERMS, oracle.termNames());
        StepAllocation[] perTerm = new LossChangeAllocator(1e-9, 32).allocateTerms(oracle, before.data().asDouble(),
                after.data().asDouble(), null, null, new double[3][n]);
        StepAllocation whole = new LossChangeAllocator(1e-9, 32).allocate(
                new PinnedLossOracle(probe, net.dataType(), n, false), before.data().asDouble(),
                after.data().asDouble(), null, 0, new double[n]);
        double actual = 0;
        double allocated = 0;
        for (StepAllocation s : perTerm) {
            assertTrue(Math.abs(s.actual()) > 1e-9, "every term moves: " + s.actual());
            assertTrue(Math.abs(s.error()) <= 1e-6 * Math.abs(s.actual()), "error " + s.error() + " of " + s.actual());
            actual += s.actual();
            allocated += s.allocated();
        }
        assertEquals(whole.actual(), actual, 1e-12, "the terms' real changes add up to the loss's");
        assertEquals(whole.allocated(), allocated, 1e-9 * Math.abs(whole.actual()), "and so do their allocations");
    }
}
