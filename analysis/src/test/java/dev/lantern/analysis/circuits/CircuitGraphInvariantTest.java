package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.Gradients;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Invariants of the circuit graph on random networks: the edges into a neuron add up to its pre-activation minus its
 * bias (times {@code dF/dz} with {@link EdgeWeighting#GRADIENT}), and pruning keeps at least the requested share, and
 * no more edges than it needs.
 */
class CircuitGraphInvariantTest {

    private static final List<String> WORLDS = List.of("grid/four-rooms-v1", "grid/key-door-v1");

    @Test
    void edgesIntoANeuronSumToItsPreActivationMinusItsBias() {
        for (String id : WORLDS) {
            StateBatch states = StateBatch.of(EnvRegistry.make(id));
            for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
                // double: rounding of the sums only; float: the network's own float matrix product
                double tolerance = type == DataType.DOUBLE ? 1e-13 : 1e-6;
                for (InspectableNetwork net : List.of(RandomNets.actorCritic(states, type).inspect(),
                        RandomNets.qNetwork(states, type).inspect())) {
                    ActivationAtlas atlas = ActivationAtlas.record(net, states);
                    Readout readout = new Readout(net.heads().get(0).name(), 1);
                    for (int state : new int[] {0, states.size() / 2, states.size() - 1}) {
                        for (EdgeWeighting w : EdgeWeighting.values()) {
                            CircuitGraph g = CircuitGraph.decision(atlas, state, readout, 1.0, w);
                            Gradients grad = net.gradients(states.observation(state), 1, readout,
                                    List.of("torso.dense0.pre", "torso.dense1.pre"), List.of());
                            int checked = 0;
                            for (CircuitNode node : g.nodes()) {
                                if (node.layer() == 0) {
                                    continue;
                                }
                                String pre = node.layer() < 3 ? node.site() + ".pre" : node.site();
                                double z = atlas.activations(pre).get(state, node.index());
                                double factor = w == EdgeWeighting.DIRECT || node.layer() == 3 ? 1
                                        : grad.get(pre).get(0, node.index());
                                double sum = 0;
                                double abs = 0;
                                for (CircuitEdge e : g.edgesInto(node.site())) {
                                    if (e.to().equals(node)) {
                                        sum += e.contribution();
                                        abs += Math.abs(e.contribution());
                                    }
                                }
                                assertEquals((z - node.bias()) * factor, sum, tolerance * Math.max(1, abs),
                                        id + " " + type + " " + w + " " + node.name());
                                checked++;
                            }
                            assertTrue(checked > 8, "share 1 keeps every neuron with a nonzero path: " + checked);
                        }
                    }
                }
            }
        }
    }

    @Test
    void pruningKeepsAtLeastTheShareAndNoEdgeMoreThanItNeeds() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        InspectableNetwork net = RandomNets.actorCritic(states, DataType.FLOAT).inspect();
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        for (double share : new double[] {0.3, 0.5, 0.8, 0.95}) {
            for (CircuitGraph g : List.of(CircuitGraph.decision(atlas, 7, new Readout("value.out", 0), share),
                    CircuitGraph.global(atlas, new Readout("policy.logits", 3), share, EdgeWeighting.GRADIENT),
                    CircuitGraph.globalGreedy(atlas, "policy.logits", share, EdgeWeighting.DIRECT))) {
                for (LayerShare s : g.layers()) {
                    assertTrue(s.keptShare() >= share, s + " at " + share);
                    List<CircuitEdge> into = g.edgesInto(s.site());
                    assertEquals(s.keptEdges(), into.size());
                    double kept = into.stream().mapToDouble(CircuitEdge::meanAbs).sum();
                    assertEquals(s.kept(), kept, 1e-9 * s.total());
                    double smallest = into.stream().mapToDouble(CircuitEdge::meanAbs).min().orElseThrow();
                    assertTrue(kept - smallest < share * s.total(), "the last edge kept was needed: " + s);
                    assertTrue(s.keptEdges() < s.candidateEdges(), "a random network spreads: " + s);
                }
                // only nodes on a kept path: every hidden node kept feeds a kept edge
                for (CircuitNode n : g.nodes()) {
                    if (n.layer() < 3) {
                        assertTrue(g.edges().stream().anyMatch(e -> e.from().equals(n)), n.name() + " feeds no edge");
                    }
                }
            }
        }
    }
}
