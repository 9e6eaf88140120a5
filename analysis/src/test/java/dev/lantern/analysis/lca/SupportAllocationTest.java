package dev.lantern.analysis.lca;

import static dev.lantern.agents.actorcritic.PpoFixtures.gridObs;
import static dev.lantern.agents.actorcritic.PpoFixtures.randomTargets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.actorcritic.ActorCriticObjective;
import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.actorcritic.PpoLoss;
import dev.lantern.agents.actorcritic.ProbeLoss;
import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.train.Recorder;
import dev.lantern.agents.train.RunContext;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.Trainer;
import dev.lantern.agents.train.TrainerSettings;
import dev.lantern.agents.train.UpdateEvent;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loss change allocation on a probe's support ({@link SupportOracle}, {@link ParameterSupport}, {@link AllocationTotals})
 * gives what allocating the full gradient gives ({@link PinnedLossOracle}): on one step and over a training run, in
 * double precision, to rounding; the allocation still sums to the real change of the probe loss; and every parameter
 * off the support is allocated exactly zero by the full path.
 */
class SupportAllocationTest {

    @Test
    void oneStepOnTheSupportIsTheFullAllocation() {
        SplittableRandom rng = new SplittableRandom(5);
        ActorCriticNet net = ActorCriticNet.create(21, 4, new int[] {8, 8}, 0.01, 0, 42, DataType.DOUBLE);
        ActorCriticObjective objective = new ActorCriticObjective(net, new PpoLoss(0.2, 0.5, 0.01));
        INDArray before = net.params().dup();
        net.applyUpdate(objective.evaluate(gridObs(32, 7, rng), randomTargets(32, 4, rng)).gradient());
        ProbeLoss probe = new ProbeLoss(objective, gridObs(24, 7, rng), randomTargets(24, 4, rng), 0, "test probe");
        int n = (int) net.parameterCount();
        for (boolean perTerm : new boolean[] {false, true}) {
            List<String> terms = PinnedLossOracle.termNames(probe, perTerm);
            int k = Math.max(1, terms.size());
            StepAllocation[] full = new LossChangeAllocator(1e-10, 32).allocateTerms(
                    new PinnedLossOracle(probe, net.dataType(), n, perTerm), before.data().asDouble(),
                    net.params().dup().data().asDouble(), null, new double[k], new double[k][n]);
            ParameterSupport support = ParameterSupport.of(n, probe.support());
            double[] t0 = new double[support.size()];
            double[] t1 = new double[support.size()];
            support.read(before, t0);
            support.read(net.params(), t1);
            StepAllocation[] onSupport = new LossChangeAllocator(1e-10, 32).allocateTerms(
                    new SupportOracle(probe, terms), t0, t1, null, new double[k], new double[k][support.size()]);
            // the one-row grid of 7 cells has 9 of its 21 inputs zero in every state (gridObs): 9 x 8 weights out
            assertEquals(n - 9 * 8, support.size());
            for (int t = 0; t < k; t++) {
                StepAllocation s = onSupport[t];
                assertTrue(Math.abs(s.actual()) > 1e-6, "the step must change the probe loss, got " + s.actual());
                assertTrue(Math.abs(s.error()) < 1e-6 * Math.abs(s.actual()), "relative error " + s.error() / s.actual());
                assertEquals(full[t].lossBefore(), s.lossBefore(), 1e-14);
                assertEquals(full[t].lossAfter(), s.lossAfter(), 1e-14);
                assertEquals(full[t].allocated(), s.allocated(), 1e-14);
                double[] spread = support.scatter(s.allocation());
                double scale = 0;
                for (int i = 0; i < n; i++) {
                    scale = Math.max(scale, Math.abs(full[t].allocation()[i]));
                    assertEquals(full[t].allocation()[i], spread[i], 1e-12 * scale + 1e-300, "parameter " + i);
                }
            }
        }
    }

    @Test
    void aTrainingRunAllocatesTheSameOnTheSupportAsOverEveryParameter() {
        Backend.configure();
        PpoConfig config = new PpoConfig(4, 32, 2, 64, 3e-3, 0.99, 0.95, 0.2, 0.5, 0.01, 0.5, List.of(16, 16), true,
                true);
        long steps = 4L * config.rolloutSize();
        PpoAgent agent = PpoAgent.create(config, () -> EnvRegistry.make("grid/empty-8x8-v1"), 3, steps, 96,
                DataType.DOUBLE);
        LcaRecorder onSupport = new LcaRecorder(new LcaSettings(true, 96, 1e-3, 32, false));
        LcaRecorder everywhere = new LcaRecorder(new LcaSettings(true, 96, 1e-3, 32, false));
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(steps, 0, 0)).recorder(onSupport)
                .recorder(new WithoutSupport(everywhere)).build().run();
        assertEquals("completed", outcome.status(), String.valueOf(outcome.failure()));
        double[] a = onSupport.allocatedCurve();
        double[] b = everywhere.allocatedCurve();
        double[] actual = onSupport.actualCurve();
        assertEquals(4 * config.updatesPerIteration(), a.length);
        double scale = Math.abs(actual[actual.length - 1]);
        assertTrue(scale > 1e-3, "the probe loss must move, cumulative change " + scale);
        for (int t = 0; t < a.length; t++) {
            assertEquals(b[t], a[t], 1e-11 * scale, "step " + t);
            assertEquals(everywhere.actualCurve()[t], actual[t], 1e-11 * scale, "step " + t);
        }
        assertTrue(onSupport.relativeError() < 1e-3, "relative error " + onSupport.relativeError());
        double[] ca = onSupport.cumulative();
        double[] cb = everywhere.cumulative();
        double top = 0;
        int zeros = 0;
        for (int i = 0; i < ca.length; i++) {
            top = Math.max(top, Math.abs(cb[i]));
            zeros += cb[i] == 0 ? 1 : 0;
        }
        assertTrue(zeros > ca.length / 2, "most of the first layer is off every probe's support: " + zeros + " zeros");
        for (int i = 0; i < ca.length; i++) {
            assertEquals(cb[i], ca[i], 1e-10 * top, "parameter " + i);
            assertEquals(cb[i] == 0, ca[i] == 0, "parameter " + i + ": exactly zero on one path only");
        }
        System.out.printf("LCA on the support vs over every parameter, %d steps: relative error %.3g vs %.3g, max "
                + "|cumulative difference| %.3g of %.3g%n", a.length, onSupport.relativeError(),
                everywhere.relativeError(), maxGap(ca, cb), top);
    }

    private static double maxGap(double[] a, double[] b) {
        double gap = 0;
        for (int i = 0; i < a.length; i++) {
            gap = Math.max(gap, Math.abs(a[i] - b[i]));
        }
        return gap;
    }

    /** Passes a recorder every event with the probe hidden behind a plain {@link PinnedLoss}: no support to use. */
    private static final class WithoutSupport implements Recorder {
        private final Recorder inner;
        private PinnedLoss wrapped;
        private PinnedLoss hidden;

        WithoutSupport(Recorder inner) {
            this.inner = inner;
        }

        @Override
        public boolean needsParameterHistory() {
            return inner.needsParameterHistory();
        }

        @Override
        public void runStarted(RunContext run) {
            inner.runStarted(run);
        }

        @Override
        public void updateApplied(UpdateEvent e) {
            PinnedLoss probe = e.probe();
            if (probe != null && probe != wrapped) {
                wrapped = probe;
                hidden = new PinnedLoss() {
                    @Override
                    public long windowId() {
                        return probe.windowId();
                    }

                    @Override
                    public String description() {
                        return probe.description();
                    }

                    @Override
                    public double lossAndGradient(INDArray params, INDArray gradientOut) {
                        return probe.lossAndGradient(params, gradientOut);
                    }
                };
            }
            inner.updateApplied(new UpdateEvent(e.update(), e.envStep(), e.paramsBefore(), e.paramsAfter(),
                    probe == null ? null : hidden));
        }

        @Override
        public void iterationEnded(long iteration, long envStep) {
            inner.iterationEnded(iteration, envStep);
        }

        @Override
        public void runEnded(RunOutcome outcome) {
            inner.runEnded(outcome);
        }
    }
}
