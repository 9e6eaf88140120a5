package dev.lantern.analysis.dynamics;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hand-built circuit on a row of 20 cells (start in column 0, goal in column 19, time limit 50, symbolic input whose
 * feature 0 is always 1) and its permuted twin, whose average breaks it.
 *
 * <p>dense0: neuron {@code p} = tanh 2, neuron {@code 1 - p} = -tanh 2 (from feature 0); dense1[0] = tanh(h_p - h_{1-p})
 * = tanh(2 tanh 2); right's logit = {@code 4 scale} dense1[0] = 3.83 scale, left's = {@code scale} (a bias), up and
 * down 0: greedy right everywhere, optimal (return 18 x -0.01 + 0.99 = 0.81). The twin {@code p = 1} swaps the two
 * dense0 neurons (and dense1's weights from them): the same function. Their average has every dense0 weight 0, so
 * dense1 and right's logit are 0 and left's 1 wins: the agent walks left into the wall for 50 steps (return -0.5).
 */
final class SignCircuit {

    private SignCircuit() {
    }

    /** The circuit with the positive neuron at dense0 index {@code p} (0 or 1), logits scaled by {@code scale}. */
    static InspectableNetwork network(int p, double scale) {
        ActorCriticNet net = ActorCriticNet.create(26, 4, new int[] {2, 2}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        INDArray w0 = net.graph().getLayer("torso.dense0").getParam("W");
        w0.putScalar(0, p, 2.0);
        w0.putScalar(0, 1 - p, -2.0);
        INDArray w1 = net.graph().getLayer("torso.dense1").getParam("W");
        w1.putScalar(p, 0, 1.0);
        w1.putScalar(1 - p, 0, -1.0);
        net.graph().getLayer("policy.logits").getParam("W").putScalar(0, 2, 4.0 * scale);
        net.graph().getLayer("policy.logits").getParam("b").putScalar(3, scale);
        return net.inspect();
    }

    static StateBatch states() {
        return StateBatch.of(new GridWorld("row", GridMapParser.parse("row.txt", "S" + ".".repeat(18) + "G\n"), 50,
                GridObservation.symbolic()));
    }
}
