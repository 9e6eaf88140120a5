package dev.lantern.analysis.dynamics;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hand-built pair of tiny actor-critics on one row of 20 cells (symbolic input: feature 0 always 1, feature
 * {@code 1 + c} "the agent is in column c"; column 19 is the goal, so columns 0..18 decide), whose difference is known.
 * Both: dense0[0] = tanh 2 in columns 10..19, else 0; dense1[0] = tanh(dense0[0]); right's logit = 2 dense1[0];
 * dense0[1] = tanh 0.5, dense1[1] = tanh(dense0[1]) everywhere, V = dense1[1] + value bias. Network a: left's logit
 * bias 1, value bias 0, so greedy right in columns 10..18 and left in 0..9. Network b: left's bias 2 (greedy left
 * everywhere, as 2 tanh(tanh 2) = 1.497 < 2) and value bias 0.25.
 */
final class TinyPair {

    /** Right's logit where dense0[0] is on: {@code 2 tanh(tanh 2)}. */
    static final double RIGHT = 2 * Math.tanh(Math.tanh(2));

    private TinyPair() {
    }

    static StateBatch states() {
        String row = "S" + ".".repeat(18) + "G\n";
        return StateBatch.of(new GridWorld("row", GridMapParser.parse("row.txt", row), 50,
                GridObservation.symbolic()));
    }

    static ActorCriticNet a() {
        return network(1.0, 0.0);
    }

    static ActorCriticNet b() {
        return network(2.0, 0.25);
    }

    private static ActorCriticNet network(double leftBias, double valueBias) {
        ActorCriticNet net = ActorCriticNet.create(26, 4, new int[] {3, 3}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        INDArray w0 = net.graph().getLayer("torso.dense0").getParam("W");
        for (int c = 10; c < 20; c++) {
            w0.putScalar(1 + c, 0, 2.0);
        }
        w0.putScalar(0, 1, 0.5);
        INDArray w1 = net.graph().getLayer("torso.dense1").getParam("W");
        w1.putScalar(0, 0, 1.0);
        w1.putScalar(1, 1, 1.0);
        net.graph().getLayer("policy.logits").getParam("W").putScalar(0, 2, 2.0);
        net.graph().getLayer("policy.logits").getParam("b").putScalar(3, leftBias);
        net.graph().getLayer("value.out").getParam("W").putScalar(1, 0, 1.0);
        net.graph().getLayer("value.out").getParam("b").putScalar(0, valueBias);
        return net;
    }
}
