package dev.lantern.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.Readout;
import dev.lantern.agents.nn.ActorCriticNet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The grid baselines, and integrated gradients from them on a network that reads a wall and the agent. */
class BaselinesTest {

    // Three planes (wall, agent, goal) of four cells: a wall at 0, the agent at 2, the goal at 3.
    private static final double[] X = {1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};

    @Test
    void theBaselinesClearWhatTheySay() {
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, Baselines.withoutAgent(X, 3));
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, Baselines.emptyMap(X, 3));
        assertArrayEquals(new double[12], Baselines.zeros(12));
        assertThrows(IllegalArgumentException.class, () -> Baselines.withoutAgent(new double[10], 3));
    }

    @Test
    void integratedGradientsFromTheMapWithoutTheAgentFallOnlyOnTheAgent() {
        // value = tanh(tanh(wall at 0)) + 2 tanh(tanh(agent at 2)) + 0 x goal, through two torso neurons.
        ActorCriticNet net = ActorCriticNet.create(12, 2, new int[] {2, 2}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(0, 0, 1.0);
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(6, 1, 1.0);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 0, 1.0);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(1, 1, 1.0);
        net.graph().getLayer("value.out").getParam("W").putScalar(0, 0, 1.0);
        net.graph().getLayer("value.out").getParam("W").putScalar(1, 0, 2.0);
        Attributor attributor = new Attributor(net.inspect());
        AttributedOutput value = AttributedOutput.of(new Readout("value.out", 0));
        double t = Math.tanh(Math.tanh(1.0));

        Attribution fromZeros = attributor.integratedGradients(X, attributor.zeros(), value, Attributor.DEFAULT_STEPS);
        double[] cells = Attributor.perCell(fromZeros.values(), 3);
        assertEquals(t, cells[0], 1e-4 * t, "the wall, from zeros");
        assertEquals(2 * t, cells[2], 2e-4 * t, "the agent, from zeros");
        assertTrue(cells[1] == 0.0 && cells[3] == 0.0, "nothing on the floor or the goal: " + cells[1] + ", " + cells[3]);

        for (double[] b : new double[][] {Baselines.withoutAgent(X, 3), Baselines.emptyMap(X, 3)}) {
            Attribution ig = attributor.integratedGradients(X, b, value, Attributor.DEFAULT_STEPS);
            double[] perCell = Attributor.perCell(ig.values(), 3);
            assertTrue(perCell[0] == 0.0 && perCell[1] == 0.0 && perCell[3] == 0.0,
                    "only the agent's cell differs from this baseline in what the value reads");
            assertEquals(2 * t, perCell[2], 2e-4 * t);
            assertTrue(ig.completenessError() <= 1e-6, "completeness " + ig.completenessError());
        }
    }
}
