package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Patching restores what the designed circuit carries, nothing when it carries nothing, and is exact where it must be. */
class ActivationPatchingTest {

    private static List<InspectableNetwork> randomNetworks(StateBatch states) {
        ActorCriticNet ac = ActorCriticNet.create(states.observationSize(), 4, new int[] {16, 8}, 1e-3, 0, 3,
                DataType.FLOAT);
        QNet qn = QNet.create(states.observationSize(), 4, new int[] {12, 12}, 1e-3, 4, DataType.FLOAT);
        return List.of(ac.inspect(), qn.inspect());
    }

    private static int[] decisionStates(StateBatch states) {
        boolean[] d = states.decisionStates();
        return IntStream.range(0, d.length).filter(s -> d[s]).toArray();
    }

    @Test
    void patchingTheDesignedNeuronRestoresAllAndAnUnreadNeuronNothing() {
        StateBatch states = RowCircuit.states();
        ActivationPatching patching = new ActivationPatching(ActivationAtlas.record(RowCircuit.network().inspect(), states),
                StatePairs.movedOneCellRight(states));
        assertEquals(19, patching.pairs().size(), "columns 0..18 each with the cell to their right");
        Readout right = new Readout("policy.logits", 2);
        int ninth = IntStream.range(0, 19).filter(i -> states.state(patching.pairs().clean()[i]).col() == 9)
                .findFirst().orElseThrow();
        for (String site : List.of("torso.dense0", "torso.dense1")) {
            PatchEffect e = patching.patchNeuron(site, 0, right);
            assertEquals(1, e.definedCount(), "only 9 -> 10 changes right's logit");
            assertEquals(18, e.undefinedCount());
            assertEquals(1.0, e.restored()[ninth], site);
            assertEquals(1.0, e.meanRestored(), site);
            assertTrue(Double.isNaN(e.standardError()), "one defined pair has no standard error");
            for (int i = 0; i < 19; i++) {
                assertEquals(i != ninth, Double.isNaN(e.restored()[i]), "pair " + i);
            }
            assertEquals(0.0, e.clean()[ninth]);
            assertEquals(2 * Math.tanh(Math.tanh(2)), e.corrupted()[ninth], 1e-15);
        }
        for (int neuron : new int[] {1, 2}) { // the value's neuron and a dead one: the logit does not read them
            PatchEffect e = patching.patchNeuron("torso.dense1", neuron, right);
            assertEquals(0.0, e.restored()[ninth], "dense1[" + neuron + "]");
            assertEquals(0.0, e.meanRestored());
        }
        // V is the same in every state: nothing to restore, every pair undefined
        PatchEffect v = patching.patchNeuron("torso.dense1", 1, new Readout("value.out", 0));
        assertEquals(0, v.definedCount());
        assertTrue(Double.isNaN(v.meanRestored()));
    }

    @Test
    void cleanPatchedIntoCleanIsANoOpBitForBit() {
        for (String env : List.of("grid/four-rooms-v1", "grid/key-door-v1")) {
            StateBatch states = StateBatch.of(EnvRegistry.make(env));
            int[] decide = decisionStates(states);
            StatePairs self = new StatePairs("itself", decide, decide);
            for (InspectableNetwork net : randomNetworks(states)) {
                ActivationAtlas atlas = ActivationAtlas.record(net, states);
                ActivationPatching patching = new ActivationPatching(atlas, self);
                List<String> heads = net.heads().stream().map(h -> h.name()).toList();
                for (String site : List.of("torso.dense0", "torso.dense1")) {
                    for (int[] neurons : List.of(new int[] {3}, IntStream.range(0, 8).toArray())) {
                        Recording r = patching.patchedRun(site, neurons, heads);
                        for (String head : heads) {
                            double[] want = new double[decide.length * r.get(head).site().width()];
                            for (int i = 0; i < decide.length; i++) {
                                double[] row = atlas.activations(head).row(decide[i]);
                                System.arraycopy(row, 0, want, i * row.length, row.length);
                            }
                            assertArrayEquals(want, r.get(head).values(), env + " " + site + " -> " + head);
                        }
                    }
                }
                PatchEffect e = patching.patchNeuron("torso.dense0", 0, new Readout(heads.get(0), 0));
                assertEquals(0, e.definedCount(), "clean minus clean is 0: undefined everywhere");
                assertArrayEquals(e.corrupted(), e.patched());
            }
        }
    }

    @Test
    void patchingAWholeLayerRestoresItsOutputsExactly() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/key-door-v1"));
        for (StatePairs pairs : List.of(StatePairs.movedOneCellRight(states),
                StatePairs.withVersusWithoutKey(states))) {
            for (InspectableNetwork net : randomNetworks(states)) {
                ActivationPatching patching = new ActivationPatching(ActivationAtlas.record(net, states), pairs);
                for (var head : net.heads()) {
                    for (int j = 0; j < head.width(); j++) {
                        for (String layer : List.of("torso.dense1", "torso.dense0")) {
                            PatchEffect e = patching.patchSite(layer, new Readout(head.name(), j));
                            assertArrayEquals(e.clean(), e.patched(), pairs + " " + layer + " -> " + head.name());
                            assertTrue(e.definedCount() > 0, e.toString());
                            assertEquals(1.0, e.meanRestored(), e.toString());
                            assertEquals(1.0, e.pooledRestored(), e.toString());
                            assertEquals(0.0, e.standardError(), e.toString());
                        }
                        // one neuron of the layer does not carry the whole difference
                        PatchEffect one = patching.patchNeuron("torso.dense1", 0, new Readout(head.name(), j));
                        assertTrue(Math.abs(one.meanRestored() - 1) > 1e-3, one.toString());
                    }
                }
            }
        }
    }

    @Test
    void thePairBuildersPairWhatTheySay() {
        StateBatch fourRooms = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        StatePairs moved = StatePairs.movedOneCellRight(fourRooms);
        int expected = 0;
        for (int s : decisionStates(fourRooms)) {
            GridState g = fourRooms.state(s);
            expected += fourRooms.world().map().contains(g.row(), g.col() + 1)
                    && fourRooms.space().indexOf(new GridState(g.row(), g.col() + 1, g.keysMask(), g.extras())) >= 0
                    ? 1 : 0;
        }
        assertEquals(expected, moved.size());
        assertTrue(moved.size() > 50 && moved.size() < decisionStates(fourRooms).length, moved.toString());
        for (int i = 0; i < moved.size(); i++) {
            GridState c = fourRooms.state(moved.clean()[i]);
            GridState x = fourRooms.state(moved.corrupted()[i]);
            assertEquals(new GridState(c.row(), c.col() + 1, c.keysMask(), c.extras()), x);
        }
        StatePairs noKeys = StatePairs.withVersusWithoutKey(fourRooms);
        assertEquals(0, noKeys.size(), "four-rooms has no key");
        assertThrows(IllegalArgumentException.class,
                () -> new ActivationPatching(ActivationAtlas.record(randomNetworks(fourRooms).get(0), fourRooms),
                        noKeys));

        StateBatch keyDoor = StateBatch.of(EnvRegistry.make("grid/key-door-v1"));
        StatePairs key = StatePairs.withVersusWithoutKey(keyDoor);
        assertTrue(key.size() > 0);
        boolean[] decides = keyDoor.decisionStates();
        for (int i = 0; i < key.size(); i++) {
            GridState c = keyDoor.state(key.clean()[i]);
            GridState x = keyDoor.state(key.corrupted()[i]);
            assertTrue(decides[key.clean()[i]] && c.keysMask() != 0, c.toString());
            assertEquals(new GridState(c.row(), c.col(), 0, c.extras()), x, "key-door has one key");
        }
    }

    @Test
    void patchingTheKeyNeuronRestoresTheKeyCircuitOnEveryKeyPair() {
        // one row "Sk.DG", symbolic: row one-hot (1), column one-hot (5), then the key bit at feature 6
        StateBatch states = StateBatch.of(new GridWorld("key-row", GridMapParser.parse("key-row.txt", "Sk.DG\n"), 50,
                GridObservation.symbolic()));
        int keyBit = 1 + 5;
        StatePairs pairs = StatePairs.withVersusWithoutKey(states);
        assertTrue(pairs.size() >= 2, pairs.toString());
        for (int i = 0; i < pairs.size(); i++) {
            assertEquals(1.0, states.observation(pairs.clean()[i])[keyBit], "the clean state holds the key");
            assertEquals(0.0, states.observation(pairs.corrupted()[i])[keyBit], "the corrupted one does not");
        }
        // dense0[0] = tanh(2 key), dense1[0] = tanh(dense0[0]), right's logit = 2 dense1[0]; dense1[1] = tanh(tanh 0.5)
        // feeds V alone
        ActorCriticNet net = ActorCriticNet.create(states.observationSize(), 4, new int[] {3, 3}, 1e-3, 0, 1,
                DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(keyBit, 0, 2.0);
        net.graph().getLayer("torso.dense0").getParam("b").putScalar(1, 0.5);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 0, 1.0);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(1, 1, 1.0);
        net.graph().getLayer("policy.logits").getParam("W").putScalar(0, 2, 2.0);
        net.graph().getLayer("value.out").getParam("W").putScalar(1, 0, 1.0);
        ActivationAtlas atlas = ActivationAtlas.record(net.inspect(), states);
        ActivationPatching patching = new ActivationPatching(atlas, pairs);
        Readout right = new Readout("policy.logits", 2);
        for (String site : List.of("torso.dense0", "torso.dense1")) {
            PatchEffect e = patching.patchNeuron(site, 0, right);
            assertEquals(pairs.size(), e.definedCount(), "the key moves right's logit in every pair");
            for (double f : e.restored()) {
                assertEquals(1.0, f, site);
            }
            assertEquals(0.0, e.standardError());
        }
        PatchEffect unread = patching.patchNeuron("torso.dense1", 1, right);
        for (double f : unread.restored()) {
            assertEquals(0.0, f, "right's logit does not read dense1[1]");
        }
        assertEquals(pairs.size(), unread.definedCount());
        assertEquals(0.0, unread.pooledRestored(), "an unread neuron closes none of the gap");
        // the moved-one-cell pairs do not change the key: right's logit is undefined on every one of them
        PatchEffect moved = new ActivationPatching(atlas, StatePairs.movedOneCellRight(states))
                .patchNeuron("torso.dense1", 0, right);
        assertEquals(0, moved.definedCount());
    }
}
