package dev.lantern.agents.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.agents.nn.ActorCriticNet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The documented flat layout is the one DL4J actually uses. */
class ParameterLayoutTest {

    @Test
    void layoutMatchesTheGraphsParameterViews() {
        ActorCriticNet net = ActorCriticNet.create(6, 4, new int[] {5, 3}, 1e-3, 0, 1, DataType.DOUBLE);
        ParameterLayout layout = ParameterLayout.of(net.graph());
        assertEquals(ActorCriticNet.LAYERS, layout.names());
        assertEquals(net.parameterCount(), layout.size());
        for (ParameterLayout.Block b : layout.layers()) {
            INDArray w = net.graph().getLayer(b.name()).getParam("W");
            INDArray bias = net.graph().getLayer(b.name()).getParam("b");
            for (int i = 0; i < b.nIn(); i++) {
                for (int j = 0; j < b.nOut(); j++) {
                    w.putScalar(i, j, 1000 + i * 10 + j);
                    assertEquals(1000 + i * 10 + j, net.params().getDouble(b.weightIndex(i, j)), 0, b.name());
                }
            }
            for (int j = 0; j < b.nOut(); j++) {
                bias.putScalar(j, -7 - j);
                assertEquals(-7 - j, net.params().getDouble(b.biasIndex(j)), 0, b.name());
            }
        }
    }
}
