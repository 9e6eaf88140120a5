package dev.lantern.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Learning-rate annealing, copies and checkpoints of the actor-critic network. */
class ActorCriticNetTest {

    @Test
    void learningRateFallsLinearlyToZero() {
        LinearDecaySchedule s = new LinearDecaySchedule(1e-3, 100);
        assertEquals(1e-3, s.valueAt(0, 0), 0);
        assertEquals(5e-4, s.valueAt(50, 0), 1e-18);
        assertEquals(1e-5, s.valueAt(99, 0), 1e-18);
        assertEquals(0, s.valueAt(100, 0), 0);
        assertEquals(0, s.valueAt(1000, 0), 0);
    }

    @Test
    void theNetworkUsesTheScheduleAndCopiesKeepTheirCounters() {
        ActorCriticNet net = ActorCriticNet.create(3, 2, new int[] {4, 4}, 1e-3, 10, 1, DataType.DOUBLE);
        assertEquals(1e-3, net.learningRate(), 1e-15);
        net.graph().getConfiguration().setIterationCount(5);
        assertEquals(5e-4, net.learningRate(), 1e-15);
        ActorCriticNet copy = net.copy();
        assertEquals(5, copy.iterationCount());
        assertEquals(5e-4, copy.learningRate(), 1e-15);
        assertArrayEquals(net.params().data().asDouble(), copy.params().data().asDouble());
    }

    @Test
    void aCheckpointRestoresParametersUpdaterAndSchedule(@TempDir Path tmp) throws Exception {
        ActorCriticNet net = ActorCriticNet.create(3, 2, new int[] {4, 4}, 1e-3, 10, 1, DataType.DOUBLE);
        net.forward(Nd4j.rand(DataType.DOUBLE, 5, 3));
        net.applyUpdate(net.backward(Nd4j.ones(DataType.DOUBLE, 5, 2), Nd4j.ones(DataType.DOUBLE, 5, 1)));
        File file = tmp.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net.graph(), file, true);
        ActorCriticNet restored = ActorCriticNet.wrap(ModelSerializer.restoreComputationGraph(file, true));
        ComputationGraph g = restored.graph();
        assertEquals(1, restored.iterationCount());
        assertEquals(net.learningRate(), restored.learningRate(), 0);
        assertArrayEquals(net.params().data().asDouble(), g.params().data().asDouble());
        assertArrayEquals(net.graph().getUpdater().getStateViewArray().data().asDouble(),
                g.getUpdater().getStateViewArray().data().asDouble());
    }
}
