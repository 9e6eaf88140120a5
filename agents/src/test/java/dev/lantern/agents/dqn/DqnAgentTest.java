package dev.lantern.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.Decision;
import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.run.state.CheckpointFormatException;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.agents.train.GreedyEvaluator;
import dev.lantern.agents.train.RecordingSession;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.Trainer;
import dev.lantern.agents.train.TrainerSettings;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Exact resume, the pinned probe loss, configuration checks and a tiny run through the trainer. */
class DqnAgentTest {

    private static final String ENV = "grid/empty-5x5-v1";

    /** A small configuration: 3 copies, a replay of 200 that wraps, target updates every 5 steps. */
    static DqnConfig small(boolean prioritized, double tau) {
        return new DqnConfig(3, 1e-3, 0.9, 200, 16, 48, 4, 2, 5, tau, true, 3, 1.0, 0.1, 400, prioritized, 0.6, 0.4,
                1e-6, 10.0, List.of(16, 16), 1.0);
    }

    private static DqnAgent agent(DqnConfig c, long seed, int probeSize, DataType type) {
        return DqnAgent.create(c, () -> EnvRegistry.make(ENV, 12), seed, 2_000, probeSize, type);
    }

    @ParameterizedTest
    @CsvSource({"false, 1.0", "true, 0.5"})
    void aRestoredAgentContinuesBitForBit(boolean prioritized, double tau) {
        Backend.configure();
        DqnConfig c = small(prioritized, tau);
        DqnAgent a = agent(c, 42, 8, DataType.FLOAT);
        RecordingSession warmup = new RecordingSession();
        for (int i = 0; i < 25; i++) {
            a.iterate(warmup);
        }
        assertTrue(warmup.updates() > 0 && a.replay().size() == 200, "the replay has wrapped and updates ran");
        assertTrue(warmup.events().stream().anyMatch(e -> e.startsWith("episode")), "episodes ended");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(bytes)) {
            a.saveState(w);
        }
        DqnAgent b = agent(c, 42, 8, DataType.FLOAT);
        copyNetwork(a.network(), b.network()); // what the trainer restores from the checkpoint's network file
        try (StateReader r = new StateReader(new ByteArrayInputStream(bytes.toByteArray()), "test")) {
            b.restoreState(r);
            r.expectEnd();
        }
        float[] before = a.net().params().data().asFloat();
        RecordingSession sa = new RecordingSession();
        RecordingSession sb = new RecordingSession();
        for (int i = 0; i < 2; i++) {
            a.iterate(sa);
            b.iterate(sb);
        }
        assertFalse(java.util.Arrays.equals(before, a.net().params().data().asFloat()), "the two iterations trained");
        assertTrue(sa.events().stream().anyMatch(e -> e.startsWith("loss/td")));
        assertArrayEquals(a.net().params().data().asFloat(), b.net().params().data().asFloat());
        assertArrayEquals(a.targetNet().params().data().asFloat(), b.targetNet().params().data().asFloat());
        assertArrayEquals(a.network().getUpdater().getStateViewArray().data().asFloat(),
                b.network().getUpdater().getStateViewArray().data().asFloat());
        assertEquals(sa.events(), sb.events());
        assertEquals(sa.updates(), sb.updates());
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsRejectedByName() {
        DqnAgent a = agent(small(true, 1.0), 1, 0, DataType.FLOAT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(bytes)) {
            a.saveState(w);
        }
        DqnAgent b = agent(small(false, 1.0), 1, 0, DataType.FLOAT);
        StateReader r = new StateReader(new ByteArrayInputStream(bytes.toByteArray()), "ckpt");
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> b.restoreState(r));
        assertTrue(e.getMessage().contains("prioritized"), e.getMessage());
    }

    @Test
    void theProbeLossIsPinnedReproducibleAndItsGradientMatchesFiniteDifferences() {
        DqnAgent agent = agent(small(false, 1.0), 3, 16, DataType.DOUBLE);
        RecordingSession s = new RecordingSession();
        while (s.probes().isEmpty()) {
            agent.iterate(s);
        }
        PinnedLoss probe = s.probes().get(0);
        INDArray theta = agent.net().params().dup();
        INDArray g1 = Nd4j.zeros(theta.dataType(), theta.shape());
        double l1 = probe.lossAndGradient(theta, g1);
        assertTrue(l1 > 0, "loss " + l1);
        INDArray moved = theta.add(0.01);
        probe.lossAndGradient(moved, Nd4j.zeros(theta.dataType(), theta.shape()));
        INDArray g2 = Nd4j.zeros(theta.dataType(), theta.shape());
        assertEquals(l1, probe.lossAndGradient(theta, g2), 0.0, "same loss at the same parameters");
        assertArrayEquals(g1.data().asDouble(), g2.data().asDouble(), 0.0);

        double h = 1e-6;
        double[] grad = g1.data().asDouble();
        INDArray scratch = Nd4j.zeros(theta.dataType(), theta.shape());
        for (int j = 0; j < grad.length; j += 7) {
            INDArray p = theta.dup();
            p.putScalar(j, theta.getDouble(j) + h);
            double up = probe.lossAndGradient(p, scratch);
            p.putScalar(j, theta.getDouble(j) - h);
            double down = probe.lossAndGradient(p, scratch);
            assertEquals((up - down) / (2 * h), grad[j], 1e-7 + 1e-5 * Math.abs(grad[j]), "parameter " + j);
        }

        // Training on (the target network syncs every 5 updates) does not move the pinned loss's targets.
        agent.net().setParams(theta);
        for (int i = 0; i < 10; i++) {
            agent.iterate(s);
        }
        assertTrue(s.probes().size() > 1 && s.probes().get(1).windowId() != probe.windowId(), "a new window started");
        assertEquals(l1, probe.lossAndGradient(theta, scratch), 0.0);
    }

    @Test
    void validationNamesEveryBadField() {
        List<String> problems = new ArrayList<>();
        DqnConfig.defaults().validate("agent", problems);
        assertEquals(List.of(), problems);
        DqnConfig d = DqnConfig.defaults();
        DqnConfig bad = new DqnConfig(d.numEnvs(), -1, 1.5, d.bufferCapacity(), 0, d.learningStarts(), d.trainFrequency(),
                d.gradientSteps(), d.targetUpdateInterval(), 0, d.doubleDqn(), 0, d.epsilonStart(), d.epsilonEnd(),
                d.epsilonDecaySteps(), d.prioritized(), d.priorityAlpha(), d.priorityBetaStart(), 0, d.maxGradNorm(),
                List.of(64), -1);
        bad.validate("agent", problems);
        assertTrue(problems.contains("agent.batchSize: must be in [1, 65536], got 0"), problems.toString());
        assertTrue(problems.contains("agent.learningRate: must be > 0, got -1.0"), problems.toString());
        assertTrue(problems.contains("agent.gamma: must be in [0, 1], got 1.5"), problems.toString());
        assertTrue(problems.contains("agent.tau: must be in (0, 1] (1 = hard copy), got 0.0"), problems.toString());
        assertTrue(problems.contains("agent.nStep: must be in [1, 1000], got 0"), problems.toString());
        assertTrue(problems.contains("agent.priorityEpsilon: must be > 0, got 0.0"), problems.toString());
        assertTrue(problems.contains("agent.hiddenSizes: must list exactly 2 layer widths, got 1"), problems.toString());
        assertTrue(problems.contains("agent.huberDelta: must be > 0, got -1.0"), problems.toString());
        assertEquals(8, problems.size(), problems.toString());
    }

    @Test
    void aTinyRunThroughTheTrainerCompletesAndEvaluates() {
        Backend.configure();
        DqnAgent agent = agent(small(true, 1.0), 5, 8, DataType.FLOAT);
        double optimal = ValueIteration.solve(EnvRegistry.make(ENV), 1.0).optimalReturn();
        GreedyEvaluator eval = new GreedyEvaluator(() -> EnvRegistry.make(ENV, 12), 2, 5, optimal);
        List<String> names = new ArrayList<>();
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(600, 0, 0)).evaluator(eval)
                .tap((step, name, value) -> names.add(name)).build().run();
        assertEquals("completed", outcome.status(), String.valueOf(outcome.failure()));
        assertTrue(outcome.updates() > 0);
        assertTrue(outcome.evaluation().containsKey("eval/return"));
        for (String m : List.of("loss/td", "q/mean", "explore/epsilon", "grad/global_norm", "time/collect_seconds",
                "time/update_seconds", "episode/return")) {
            assertTrue(names.contains(m), m + " in " + names.stream().distinct().toList());
        }
        Decision d = agent.snapshot().decideGreedy(new float[agent.net().inputSize()]);
        assertEquals(1.0, d.probabilities()[d.action()], 0, "the snapshot's policy is greedy in Q");
        assertEquals(d.qValues()[d.action()], d.value(), 0, "its value is the largest Q");
    }

    private static void copyNetwork(ComputationGraph from, ComputationGraph to) {
        to.params().assign(from.params());
        to.getUpdater().getStateViewArray().assign(from.getUpdater().getStateViewArray());
        to.getConfiguration().setIterationCount(from.getConfiguration().getIterationCount());
        to.getConfiguration().setEpochCount(from.getConfiguration().getEpochCount());
    }
}
