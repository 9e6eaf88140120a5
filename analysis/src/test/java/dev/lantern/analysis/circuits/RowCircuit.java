package dev.lantern.analysis.circuits;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The hand-built row circuit that the ablation and patching tests share: weights set by hand, circuit known. */
public final class RowCircuit {

    private RowCircuit() {
    }

    /**
     * One row of 20 cells, symbolic input (feature 1 + c: "the agent is in column c"; feature 0: the row bit, always 1).
     * dense0[0] = tanh 2 in columns 10..19, else 0; dense1[0] = tanh(dense0[0]); right's logit = 2 dense1[0] = 1.49
     * there, left's = 1 everywhere: greedy right in columns 10..19, left elsewhere. dense0[1] = tanh 0.5 everywhere,
     * dense1[1] = tanh(dense0[1]), V = dense1[1]. dense1[2] is 0 everywhere (dead). Column 19 is the goal (terminal),
     * so the decision states are columns 0..18 and the designed ones 10..18.
     */
    static ActorCriticNet network() {
        return network(1.0, 0.0);
    }

    /**
     * {@link #network()} with left's logit bias {@code leftBias} (1 there) and the value head's bias {@code valueBias}
     * (0 there): other test packages build known variants of the circuit with it.
     */
    public static ActorCriticNet network(double leftBias, double valueBias) {
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

    static StateBatch states() {
        return states(0, 50);
    }

    /** The row with the start in column {@code start} (0..18; the goal stays in column 19) and a time limit. */
    /** The row with the agent starting at column {@code start}, episodes of at most {@code timeLimit} steps. */
    public static StateBatch states(int start, int timeLimit) {
        String row = ".".repeat(start) + "S" + ".".repeat(18 - start) + "G\n";
        return StateBatch.of(new GridWorld("row", GridMapParser.parse("row.txt", row), timeLimit,
                GridObservation.symbolic()));
    }
}
