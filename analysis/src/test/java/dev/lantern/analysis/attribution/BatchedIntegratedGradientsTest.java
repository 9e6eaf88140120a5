package dev.lantern.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.GraphNetwork;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Integrated gradients over every decision state of four-rooms at once, on float networks like the agents'. */
class BatchedIntegratedGradientsTest {

    private static final GridWorld WORLD = (GridWorld) EnvRegistry.make("grid/four-rooms-v1");

    @Test
    void everyStateOfTheBatchEqualsItsOwnRunBitForBit() {
        ActorCriticNet ac = ActorCriticNet.create(WORLD.spec().observationSize(), 4, new int[] {64, 64}, 1e-3, 0, 3,
                DataType.FLOAT);
        QNet q = QNet.create(WORLD.spec().observationSize(), 4, new int[] {32, 32}, 1e-3, 4, DataType.FLOAT);
        List<GridState> states = decisionStates();
        for (GraphNetwork net : List.of(ac, q)) {
            InspectableNetwork seam = net.inspect();
            GridAttributor grid = new GridAttributor(WORLD, new Attributor(seam));
            List<AttributedOutput> outputs = net == ac
                    ? List.of(AttributedOutput.valueOf(seam), AttributedOutput.probability("policy.logits", 2))
                    : List.of(AttributedOutput.valueOf(seam), AttributedOutput.max("q.values"),
                            AttributedOutput.of(new Readout("q.values", 1)));
            for (AttributedOutput out : outputs) {
                List<GridAttribution> all = grid.integratedGradients(states, out, Baselines.Kind.WITHOUT_AGENT, 16);
                for (int s = 0; s < states.size(); s += 7) { // every 7th state alone: same bits
                    Attribution alone = grid.integratedGradients(states.get(s), out, Baselines.Kind.WITHOUT_AGENT, 16)
                            .attribution();
                    Attribution batched = all.get(s).attribution();
                    assertArrayEquals(alone.values(), batched.values(), 0.0, out + " state " + states.get(s));
                    assertEquals(alone.outputValue(), batched.outputValue(), 0.0);
                    assertEquals(alone.baselineValue(), batched.baselineValue(), 0.0);
                    assertEquals(alone.output(), batched.output());
                }
            }
        }
    }

    @Test
    void onLargeRandomWeightsGaussLegendreAt64StepsIsCompleteWithin1e3OnEveryState() {
        // Weights N(0, 0.25^2) on 1183 one-hot inputs (a trained agent's are of this size): the torso saturates in
        // places, the path gradient has sharp turns, and the float pass rounds F(x) - F(b).
        ActorCriticNet net = ActorCriticNet.create(WORLD.spec().observationSize(), 4, new int[] {64, 64}, 1e-3, 0, 5,
                DataType.FLOAT);
        SplittableRandom rng = new SplittableRandom(6);
        for (String layer : ActorCriticNet.LAYERS) {
            INDArray w = net.graph().getLayer(layer).getParam("W");
            for (long i = 0; i < w.length(); i++) {
                w.putScalar(i, (layer.startsWith("torso") ? 0.25 : 1.0) * rng.nextGaussian());
            }
        }
        InspectableNetwork seam = net.inspect();
        List<GridState> states = decisionStates();
        StringBuilder report = new StringBuilder("IG over " + states.size() + " four-rooms states, value, 64 steps:");
        for (AttributedOutput out : List.of(AttributedOutput.valueOf(seam),
                AttributedOutput.of(new Readout("policy.logits", 0)))) {
            AttributionSummary exact = summary(seam.inDouble(), Quadrature.GAUSS_LEGENDRE, out);
            assertEquals(states.size(), exact.defined(), out + ": every state moves the output");
            assertTrue(exact.maxError() <= 1e-3, out + ": worst completeness error " + exact.maxError());
            AttributionSummary simpsonDouble = summary(seam.inDouble(), Quadrature.SIMPSON, out);
            AttributionSummary floatPass = summary(seam, Quadrature.GAUSS_LEGENDRE, out);
            report.append(String.format(" %s: Gauss-Legendre on the double copy worst %.2g mean %.2g, Simpson %.2g"
                    + " / %.2g, Gauss-Legendre on the float pass %.2g / %.2g;", out, exact.maxError(),
                    exact.meanError(), simpsonDouble.maxError(), simpsonDouble.meanError(), floatPass.maxError(),
                    floatPass.meanError()));
        }
        System.out.println(report);
    }

    @Test
    void aHandBuiltValueThatReadsOneCellGetsAllItsAttributionThere() {
        // value = 1.5 tanh(tanh(0.9 * agent at cell c)): only that cell of the agent plane matters.
        ActorCriticNet net = ActorCriticNet.create(WORLD.spec().observationSize(), 4, new int[] {3, 2}, 1e-3, 0, 7,
                DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        GridState at = decisionStates().get(20);
        int cells = WORLD.map().height() * WORLD.map().width();
        int cell = at.row() * WORLD.map().width() + at.col();
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(cells + cell, 0, 0.9); // plane 1 is the agent
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 0, 1.0);
        net.graph().getLayer("value.out").getParam("W").putScalar(0, 0, 1.5);
        GridAttributor grid = new GridAttributor(WORLD, new Attributor(net.inspect()));
        for (GridState s : List.of(at, decisionStates().get(21))) {
            GridAttribution g = grid.integratedGradients(s, AttributedOutput.valueOf(net.inspect()),
                    Baselines.Kind.WITHOUT_AGENT, Attributor.DEFAULT_STEPS);
            double[] map = g.cells();
            double expected = s.equals(at) ? 1.5 * Math.tanh(Math.tanh(0.9)) : 0.0;
            for (int c = 0; c < cells; c++) {
                assertEquals(c == cell ? expected : 0.0, map[c], c == cell ? 1e-12 : 0.0, s + " cell " + c);
            }
        }
    }

    private static AttributionSummary summary(InspectableNetwork seam, Quadrature q, AttributedOutput out) {
        return AttributionSummary.of(new GridAttributor(WORLD, new Attributor(seam, q)).integratedGradients(
                decisionStates(), out, Baselines.Kind.WITHOUT_AGENT, Attributor.DEFAULT_STEPS).stream()
                .map(GridAttribution::attribution).toList());
    }

    static List<GridState> decisionStates() {
        StateBatch batch = StateBatch.of(WORLD);
        boolean[] decision = batch.decisionStates();
        List<GridState> states = new ArrayList<>();
        for (int s = 0; s < batch.size(); s++) {
            if (decision[s]) {
                states.add(batch.state(s));
            }
        }
        return states;
    }
}
