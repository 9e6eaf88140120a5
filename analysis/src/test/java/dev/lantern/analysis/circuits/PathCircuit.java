package dev.lantern.analysis.circuits;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.grid.GridChannels;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hand-built one-hot circuit whose graph is known: on the row {@code S....G} (one-hot planes), the agent's plane at
 * cell (0,3) drives dense0[1] (weight 2), which drives dense1[2] (1.5), which is all right's logit reads (2). Apart
 * from it, dense0[0] is on everywhere through its bias alone (0.7) and feeds dense1[0] (1), the value's only input (1).
 * Every other weight and bias is 0.
 */
final class PathCircuit {

    /** The designed cell, (0,3). */
    static final int CELL = 3;

    private PathCircuit() {
    }

    static GridWorld world() {
        return new GridWorld("path", GridMapParser.parse("path.txt", "S....G\n"), 50, GridObservation.oneHot());
    }

    static StateBatch states() {
        return StateBatch.of(world());
    }

    static ActorCriticNet network(DataType type) {
        GridWorld world = world();
        int in = world.spec().observationSize();
        ActorCriticNet net = ActorCriticNet.create(in, 4, new int[] {3, 3}, 1e-3, 0, 1, type);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        int cells = world.map().height() * world.map().width();
        INDArray w0 = net.graph().getLayer("torso.dense0").getParam("W");
        w0.putScalar(GridChannels.AGENT * cells + CELL, 1, 2.0);
        net.graph().getLayer("torso.dense0").getParam("b").putScalar(0, 0.7);
        INDArray w1 = net.graph().getLayer("torso.dense1").getParam("W");
        w1.putScalar(1, 2, 1.5);
        w1.putScalar(0, 0, 1.0);
        net.graph().getLayer("policy.logits").getParam("W").putScalar(2, 2, 2.0);
        net.graph().getLayer("value.out").getParam("W").putScalar(0, 0, 1.0);
        return net;
    }
}
