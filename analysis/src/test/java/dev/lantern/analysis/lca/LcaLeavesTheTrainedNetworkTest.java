package dev.lantern.analysis.lca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.actorcritic.ActorCriticObjective;
import dev.lantern.agents.actorcritic.PpoLoss;
import dev.lantern.agents.actorcritic.PpoFixtures;
import dev.lantern.agents.actorcritic.ProbeLoss;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.dqn.TdObjective;
import dev.lantern.agents.dqn.TdProbe;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.GraphNetwork;
import dev.lantern.agents.train.RunContext;
import dev.lantern.agents.train.UpdateEvent;
import java.util.HashMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An LCA step only reads the trained network: its parameters, gradient buffer and outputs stay bit for bit. */
class LcaLeavesTheTrainedNetworkTest {

    @Test
    void aPpoStepsAllocationLeavesTheTrainedNetworkBitForBit() {
        SplittableRandom rng = new SplittableRandom(2);
        ActorCriticNet net = ActorCriticNet.create(6, 4, new int[] {8, 8}, 0.01, 0, 3, DataType.FLOAT);
        ActorCriticObjective objective = new ActorCriticObjective(net, new PpoLoss(0.2, 0.5, 0.01));
        INDArray before = net.params().dup();
        net.applyUpdate(objective.evaluate(PpoFixtures.randomObs(32, 6, rng).castTo(DataType.FLOAT),
                PpoFixtures.randomTargets(32, 4, rng)).gradient());
        ProbeLoss probe = new ProbeLoss(objective, PpoFixtures.randomObs(16, 6, rng),
                PpoFixtures.randomTargets(16, 4, rng), 0, "test probe");
        allocateAndCompare(net, before, probe, PpoFixtures.randomObs(5, 6, rng).castTo(DataType.FLOAT));
    }

    @Test
    void aDqnStepsAllocationLeavesTheTrainedNetworkBitForBit() {
        SplittableRandom rng = new SplittableRandom(4);
        QNet net = QNet.create(6, 3, new int[] {8, 8}, 0.01, 5, DataType.FLOAT);
        TdObjective objective = new TdObjective(net, 1.0);
        INDArray obs = PpoFixtures.randomObs(16, 6, rng).castTo(DataType.FLOAT);
        int[] actions = new int[16];
        double[] targets = new double[16];
        for (int i = 0; i < 16; i++) {
            actions[i] = rng.nextInt(3);
            targets[i] = rng.nextDouble();
        }
        INDArray before = net.params().dup();
        net.applyUpdate(objective.evaluate(obs, actions, targets, null).gradient());
        TdProbe probe = new TdProbe(objective, obs, actions, targets, 0, "test probe");
        allocateAndCompare(net, before, probe, obs);
    }

    private static void allocateAndCompare(GraphNetwork net, INDArray before, PinnedLoss probe, INDArray input) {
        LcaRecorder lca = new LcaRecorder(LcaSettings.defaults());
        lca.runStarted(new RunContext(ParameterLayout.of(net.graph()), null, (step, name, value) -> { }, new HashMap<>(),
                () -> null, null));
        float[] params = net.params().dup().data().asFloat();
        float[] gradient = net.gradient().dup().data().asFloat();
        float[] outputs = net.output(input)[0].dup().data().asFloat();
        lca.updateApplied(new UpdateEvent(0, 0, before, net.params(), probe));
        assertArrayEquals(params, net.params().dup().data().asFloat(), "parameters after the LCA step");
        assertArrayEquals(gradient, net.gradient().dup().data().asFloat(), "gradient buffer after the LCA step");
        assertArrayEquals(outputs, net.output(input)[0].dup().data().asFloat(), "outputs after the LCA step");
        double[] actual = lca.actualCurve();
        assertEquals(1, actual.length);
        assertTrue(Math.abs(actual[0]) > 0, "the step must move the probe loss");
        // The same step allocated again from scratch gives the same numbers: the private network holds no state.
        LcaRecorder again = new LcaRecorder(LcaSettings.defaults());
        again.runStarted(new RunContext(ParameterLayout.of(net.graph()), null, (step, name, value) -> { },
                new HashMap<>(), () -> null, null));
        again.updateApplied(new UpdateEvent(0, 0, before, net.params(), probe));
        assertEquals(again.actualCurve()[0], actual[0], 0.0);
        assertEquals(again.allocatedCurve()[0], lca.allocatedCurve()[0], 0.0);
        assertArrayEquals(again.cumulative(), lca.cumulative());
    }
}
