package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The circuit graph of a hand-built network is exactly the designed path; pruning keeps what it says it keeps. */
class CircuitGraphTest {

    private static final Readout RIGHT = new Readout("policy.logits", 2);
    private static final Readout VALUE = new Readout("value.out", 0);

    @Test
    void theGraphOfTheDesignedStateIsExactlyTheDesignedPath() {
        StateBatch states = PathCircuit.states();
        InspectableNetwork net = PathCircuit.network(DataType.DOUBLE).inspect();
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        int state = states.space().indexOf(PathCircuit.CELL, 0, 0);
        double a0 = Math.tanh(2);
        double a1 = Math.tanh(1.5 * a0);
        for (EdgeWeighting weighting : EdgeWeighting.values()) {
            for (double share : new double[] {0.5, 0.8, 1.0}) {
                CircuitGraph g = CircuitGraph.decision(atlas, state, RIGHT, share, weighting);
                assertEquals(List.of("obs (0,3)", "torso.dense0 #1", "torso.dense1 #2", "policy.logits #2"),
                        g.nodes().stream().map(CircuitNode::name).toList(), weighting + " " + share);
                assertEquals(3, g.edges().size());
                double[] expected = weighting == EdgeWeighting.DIRECT
                        ? new double[] {2, 1.5 * a0, 2 * a1}
                        // times dF/dz: 1.5 (1 - a0^2) 2 (1 - a1^2), then 2 (1 - a1^2), then 1
                        : new double[] {2 * 1.5 * (1 - a0 * a0) * 2 * (1 - a1 * a1), 1.5 * a0 * 2 * (1 - a1 * a1),
                            2 * a1};
                for (int e = 0; e < 3; e++) {
                    assertEquals(expected[e], g.edges().get(e).contribution(), 1e-15, "edge " + e);
                }
                for (LayerShare s : g.layers()) {
                    assertEquals(1, s.candidateEdges(), s.toString());
                    assertEquals(1.0, s.keptShare(), s.toString());
                }
            }
        }
        // the value reads the bias-driven neuron: its path has no input edge, since no input reaches dense0[0]
        CircuitGraph v = CircuitGraph.decision(atlas, state, VALUE, 0.8);
        assertEquals(List.of("torso.dense0 #0", "torso.dense1 #0", "value.out #0"),
                v.nodes().stream().map(CircuitNode::name).toList());
        assertEquals(0.7, v.nodes().get(0).bias(), 1e-15);
        assertEquals(0, v.layers().get(0).candidateEdges());
        assertTrue(Double.isNaN(v.layers().get(0).keptShare()), "nothing to keep: undefined");
    }

    @Test
    void elsewhereTheLogitHasNoCircuitAndTheGlobalGraphIsTheMeanOverTheDecisionStates() {
        StateBatch states = PathCircuit.states();
        ActivationAtlas atlas = ActivationAtlas.record(PathCircuit.network(DataType.DOUBLE).inspect(), states);
        CircuitGraph elsewhere = CircuitGraph.decision(atlas, states.space().indexOf(1, 0, 0), RIGHT, 0.8);
        assertEquals(List.of("policy.logits #2"), elsewhere.nodes().stream().map(CircuitNode::name).toList());
        assertEquals(0, elsewhere.edges().size());
        // five decision states (cells 0..4), one of them on the designed cell
        CircuitGraph global = CircuitGraph.global(atlas, RIGHT, 0.8, EdgeWeighting.DIRECT);
        assertEquals(5, global.states());
        assertEquals(List.of("obs (0,3)", "torso.dense0 #1", "torso.dense1 #2", "policy.logits #2"),
                global.nodes().stream().map(CircuitNode::name).toList());
        assertEquals(2 / 5.0, global.edges().get(0).contribution(), 1e-15);
        assertEquals(2 / 5.0, global.edges().get(0).meanAbs(), 1e-15);
        assertEquals(1 / 5.0, global.nodes().get(0).activation(), 1e-15, "the agent is on (0,3) in 1 of 5 states");
    }

    @Test
    void anObservationOutsideTheAtlasGivesTheSameGraph() {
        StateBatch states = PathCircuit.states();
        InspectableNetwork net = PathCircuit.network(DataType.DOUBLE).inspect();
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        int state = states.space().indexOf(PathCircuit.CELL, 0, 0);
        CircuitGraph fromAtlas = CircuitGraph.decision(atlas, state, RIGHT, 0.8, EdgeWeighting.GRADIENT);
        CircuitGraph fromRun = CircuitGraph.decision(net, states.world(), states.observation(state), RIGHT, 0.8,
                EdgeWeighting.GRADIENT);
        assertEquals(fromAtlas.nodes(), fromRun.nodes());
        assertEquals(fromAtlas.edges(), fromRun.edges());
    }

    @Test
    void theGraphOnlyReadsTheNetwork() {
        StateBatch states = StateBatch.of(dev.lantern.environments.registry.EnvRegistry.make("grid/four-rooms-v1"));
        InspectableNetwork net = RandomNets.actorCritic(states, DataType.FLOAT).inspect();
        double[] before = net.parameters();
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        CircuitGraph.decision(atlas, 0, RIGHT, 0.8, EdgeWeighting.GRADIENT);
        CircuitGraph.globalGreedy(atlas, "policy.logits", 0.8, EdgeWeighting.GRADIENT);
        assertArrayEquals(before, net.parameters());
    }
}
