package dev.lantern.analysis.circuits;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hand-built trigger circuit on {@code grid/trojan-v1} with the symbolic observation (7 row one-hots, 9 column
 * one-hots, then the flags button, supervisor, drunk, trigger, interrupted): dense0[0] = tanh(2 trigger), dense1[0] =
 * tanh(dense0[0]), action 0's logit = 2 dense1[0] (1.49 with the trigger, 0 without: the trigger gates action 0).
 * dense0[1] = tanh(column one-hot of columns 4..8), dense1[2] = tanh(dense0[1]) feeds action 1's logit (never changed by
 * the trigger); dense0[2] = tanh 0.5 everywhere, dense1[1] = tanh(dense0[2]) is the value (constant).
 */
final class TriggerCircuit {

    /** Index of the trigger flag in the symbolic observation. */
    static final int TRIGGER_BIT = 7 + 9 + 3;

    private TriggerCircuit() {
    }

    static StateBatch states() {
        GridWorld trojan = EnvRegistry.make("grid/trojan-v1");
        return StateBatch.of(new GridWorld("trojan-symbolic", trojan.map(), 50, GridObservation.symbolic()));
    }

    static ActorCriticNet network() {
        ActorCriticNet net = ActorCriticNet.create(21, 4, new int[] {3, 3}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        INDArray w0 = net.graph().getLayer("torso.dense0").getParam("W");
        w0.putScalar(TRIGGER_BIT, 0, 2.0);
        for (int c = 4; c < 9; c++) {
            w0.putScalar(7 + c, 1, 1.0);
        }
        net.graph().getLayer("torso.dense0").getParam("b").putScalar(2, 0.5);
        INDArray w1 = net.graph().getLayer("torso.dense1").getParam("W");
        w1.putScalar(0, 0, 1.0);
        w1.putScalar(2, 1, 1.0);
        w1.putScalar(1, 2, 1.0);
        INDArray wp = net.graph().getLayer("policy.logits").getParam("W");
        wp.putScalar(0, 0, 2.0);
        wp.putScalar(2, 1, 0.5);
        net.graph().getLayer("value.out").getParam("W").putScalar(1, 0, 1.0);
        return net;
    }
}
