package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.api.Inspectable;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.Backend;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One batched pass over every state sees what the agent computes in each, and counts dead and saturated neurons. */
class ActivationAtlasTest {

    @Test
    void theBatchedRecordingEqualsEachStatesOwnRecordingBitForBit() {
        // key-door has a state count that is not a multiple of the block: its last states sit in the padded block
        for (String id : List.of("grid/four-rooms-v1", "grid/key-door-v1")) {
            StateBatch states = StateBatch.of(EnvRegistry.make(id));
            int in = states.observationSize();
            List<InspectableNetwork> nets = List.of(
                    ActorCriticNet.create(in, 4, new int[] {16, 8}, 1e-3, 0, 7, DataType.FLOAT).inspect(),
                    ActorCriticNet.create(in, 4, new int[] {16, 8}, 1e-3, 0, 8, DataType.DOUBLE).inspect(),
                    QNet.create(in, 4, new int[] {12, 12}, 1e-3, 9, DataType.FLOAT).inspect());
            for (InspectableNetwork net : nets) {
                ActivationAtlas atlas = ActivationAtlas.record(net, states);
                List<String> names = net.sites().stream().map(Site::name).toList();
                assertEquals(names, atlas.sites().stream().map(Site::name).toList());
                double ulps = nets.indexOf(net) == 1 ? 1e-14 : 1e-6; // double: 1.1e-16 measured, float: 3.6e-7
                for (int s = 0; s < states.size(); s++) {
                    double[] copies = new double[ActivationAtlas.BLOCK * in];
                    for (int k = 0; k < ActivationAtlas.BLOCK; k++) {
                        System.arraycopy(states.observation(s), 0, copies, k * in, in);
                    }
                    Recording alone = net.run(copies, ActivationAtlas.BLOCK, names, List.of());
                    Recording single = net.run(states.observation(s), 1, names, List.of());
                    for (String site : names) {
                        double[] row = atlas.activations(site).row(s);
                        for (int k = 0; k < ActivationAtlas.BLOCK; k++) {
                            assertArrayEquals(alone.get(site).row(k), row, id + " " + site + " " + states.state(s));
                        }
                        assertArrayEquals(single.get(site).values(), row, ulps, id + " " + site + " batch of one");
                    }
                }
            }
        }
    }

    @Test
    void aHandBuiltNetworkHasExactlyItsDesignedDeadAndSaturatedNeurons() {
        // One row of 20 cells: 20 states, state s has the agent in column s. Symbolic input: [row one-hot (1),
        // column one-hot (20), 5 flags], so feature 1 + c is "the agent is in column c".
        GridWorld world = new GridWorld("row", GridMapParser.parse("row.txt", "S" + ".".repeat(18) + "G\n"), 50,
                GridObservation.symbolic());
        StateBatch states = StateBatch.of(world);
        assertEquals(20, states.size());
        assertEquals(26, states.observationSize());
        ActorCriticNet net = ActorCriticNet.create(26, 4, new int[] {8, 3}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        INDArray w0 = net.graph().getLayer("torso.dense0").getParam("W");
        INDArray b0 = net.graph().getLayer("torso.dense0").getParam("b");
        // n0: all zero: dead.
        b0.putScalar(1, 3.0); // n1: tanh 3 = 0.995 on every state: saturated
        b0.putScalar(2, 5e-4); // n2: 5e-4 on every state: dead
        b0.putScalar(3, 5e-4); // n3: 5e-4 but 0.46 in column 7: alive, not dead
        w0.putScalar(1 + 7, 3, 0.5);
        b0.putScalar(4, 3.0); // n4: saturated but in column 0: 19 of 20 states = 95%: saturated
        w0.putScalar(1, 4, -3.0);
        b0.putScalar(5, 3.0); // n5: saturated but in columns 0 and 1: 18 of 20 = 90%: not saturated
        w0.putScalar(1, 5, -3.0);
        w0.putScalar(2, 5, -3.0);
        w0.putScalar(0, 6, 0.5); // n6: tanh 0.5 = 0.46 on every state (the row bit): neither
        w0.putScalar(0, 7, -1.0); // n7: -0.76 everywhere but 0.76 in column 19: neither
        w0.putScalar(1 + 19, 7, 2.0);
        INDArray w1 = net.graph().getLayer("torso.dense1").getParam("W");
        w1.putScalar(1, 0, 3.0); // dense1 n0 = tanh(3 tanh 3) = 0.9949: saturated; n1 dead
        w1.putScalar(6, 2, 1.0); // dense1 n2 = tanh(tanh 0.5) = 0.43: neither
        net.graph().getLayer("policy.logits").getParam("b").putScalar(0, 0.5); // logits 1-3 dead
        net.graph().getLayer("value.out").getParam("b").putScalar(0, -2.0); // |V| = 2 > 0.99 everywhere
        ActivationAtlas atlas = ActivationAtlas.record(net.inspect(), states);

        assertEquals(List.of("torso.dense0", "torso.dense1", "policy.logits", "value.out"),
                atlas.layers().stream().map(Site::name).toList());
        List<NeuronHealth> health = atlas.layerHealth();
        assertEquals(new NeuronHealth("torso.dense0", 8, 20, new int[] {0, 2}, new int[] {1, 4}), health.get(0));
        assertEquals(new NeuronHealth("torso.dense1", 3, 20, new int[] {1}, new int[] {0}), health.get(1));
        assertEquals(new NeuronHealth("policy.logits", 4, 20, new int[] {1, 2, 3}, new int[] {}), health.get(2));
        assertEquals(new NeuronHealth("value.out", 1, 20, new int[] {}, new int[] {0}), health.get(3));
        assertEquals(2, health.get(0).deadCount());
        assertEquals(2, health.get(0).saturatedCount());
        // the designed values themselves, so the counts above are not right by accident
        assertEquals(Math.tanh(0.5 + 5e-4), atlas.activations("torso.dense0").get(7, 3), 1e-15);
        assertEquals(5e-4, Math.abs(atlas.activations("torso.dense0").get(6, 3)), 1e-10);
        assertEquals(0.0, atlas.activations("torso.dense0").get(0, 4), 1e-15);
        assertEquals(Math.tanh(3), atlas.activations("torso.dense0").get(1, 4), 1e-15);
    }

    @Test
    void anAgentsOwnSnapshotRecordsWhatTheAgentEvaluatesInEveryState() {
        Backend.configure();
        PpoConfig config = new PpoConfig(4, 16, 1, 64, 1e-3, 0.99, 0.95, 0.2, 0.5, 0.01, 0.5, List.of(16, 16), false,
                true);
        PpoAgent agent = PpoAgent.create(config, () -> EnvRegistry.make("grid/key-door-v1"), 5, 1000, 16,
                DataType.FLOAT);
        PolicyValueView view = agent.snapshot();
        InspectableNetwork net = assertInstanceOf(Inspectable.class, view).inspect();
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/key-door-v1"));
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        int n = states.size();
        float[] obs = new float[n * states.observationSize()];
        double[] widened = states.observations();
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) widened[i];
        }
        double[] probabilities = new double[n * 4];
        double[] values = new double[n];
        view.evaluate(obs, n, probabilities, values); // 82 states, unpadded: the last rows may differ by a float ulp
        for (int s = 0; s < n; s++) {
            double[] logits = atlas.activations("policy.logits").row(s);
            double max = Arrays.stream(logits).max().orElseThrow();
            double z = Arrays.stream(logits).map(l -> Math.exp(l - max)).sum();
            for (int a = 0; a < 4; a++) {
                assertEquals(probabilities[4 * s + a], Math.exp(logits[a] - max) / z, 1e-6, "state " + s + " action " + a);
            }
            assertEquals(values[s], atlas.activations("value.out").get(s, 0), 1e-6, "state " + s);
        }
    }

    @Test
    void aNetworkForAnotherObservationIsRefused() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        InspectableNetwork net = ActorCriticNet.create(states.observationSize() + 1, 4, new int[] {4, 4}, 1e-3, 0, 1,
                DataType.FLOAT).inspect();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationAtlas.record(net, states));
        assertEquals("the network reads " + (states.observationSize() + 1) + " values per observation, the states of "
                + "grid/four-rooms-v1 have " + states.observationSize(), e.getMessage());
    }
}
