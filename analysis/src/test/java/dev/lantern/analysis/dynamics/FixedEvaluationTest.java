package dev.lantern.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.agents.dqn.QNet;
import dev.lantern.analysis.circuits.StateBatch;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The fixed yardstick by hand on the row of {@link SignCircuit}. */
class FixedEvaluationTest {

    /** A Q-network for the row whose Q(s, a) is {@code q[a]} in every state (weights 0, output biases q). */
    private static QNet constant(double[] q) {
        QNet net = QNet.create(26, 4, new int[] {3, 3}, 1e-3, 4, DataType.DOUBLE);
        for (String layer : QNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        for (int a = 0; a < 4; a++) {
            net.graph().getLayer(QNet.LAYERS.get(2)).getParam("b").putScalar(a, q[a]);
        }
        return net;
    }

    @Test
    void aQNetworksLossIsTheSquaredErrorAgainstTheHandComputedQStar() {
        StateBatch row = SignCircuit.states();
        double[] bias = {0.2, -0.1, 0.5, 0.0}; // up, down, right, left
        QNet net = constant(bias);
        FixedEvaluation eval = new FixedEvaluation(row, 1.0);
        FixedEvaluation.Scores s = eval.score(net.inspect());
        // gamma 1, -0.01 a step and 1 on reaching the goal (0.99 net): V*(c) = 0.99 - 0.01 (18 - c) in columns 0..18
        double sum = 0;
        for (int c = 0; c <= 18; c++) {
            double v = 0.99 - 0.01 * (18 - c);
            double[] q = {v - 0.01, v - 0.01, v, -0.01 + (c == 0 ? v : v - 0.01)};
            for (int a = 0; a < 4; a++) {
                sum += (bias[a] - q[a]) * (bias[a] - q[a]);
            }
        }
        assertEquals(sum / (19 * 4), s.loss(), 1e-12);
        assertEquals(1.0, s.normalisedReturn(), 1e-12, "greedy right everywhere: the optimum 0.81");
        assertEquals(1.0, s.success());
        assertEquals(0.0, s.suboptimal());
        assertEquals(0.81, eval.optimum(), 1e-12);
    }

    @Test
    void aWrongGreedyActionCountsAsSuboptimalAndLosesTheReturn() {
        StateBatch row = SignCircuit.states();
        QNet net = constant(new double[] {0, 0, 0, 1}); // left everywhere
        FixedEvaluation.Scores s = new FixedEvaluation(row, 1.0).score(net.inspect());
        assertEquals(1.0, s.suboptimal());
        assertEquals(0.0, s.success());
        assertEquals(-0.5 / 0.81, s.normalisedReturn(), 1e-12);
    }
}
