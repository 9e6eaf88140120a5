package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The sweep's batched patches are the one-at-a-time patches bit for bit, and it finds the designed trigger neuron. */
class PatchSweepTest {

    @Test
    void batchedPatchesEqualOnePatchPerPassBitForBit() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/key-door-v1"));
        List<InspectableNetwork> nets = List.of(
                ActorCriticNet.create(states.observationSize(), 4, new int[] {16, 8}, 1e-3, 0, 3, DataType.FLOAT)
                        .inspect(),
                QNet.create(states.observationSize(), 4, new int[] {12, 12}, 1e-3, 4, DataType.FLOAT).inspect());
        for (InspectableNetwork net : nets) {
            ActivationAtlas atlas = ActivationAtlas.record(net, states);
            List<String> heads = net.heads().stream().map(h -> h.name()).toList();
            for (StatePairs pairs : List.of(StatePairs.movedOneCellRight(states),
                    StatePairs.withVersusWithoutKey(states))) {
                ActivationPatching patching = new ActivationPatching(atlas, pairs);
                int m = pairs.size();
                for (String site : List.of("torso.dense0", "torso.dense1")) {
                    int[] neurons = {0, 5, 2, 7};
                    Recording each = patching.patchedRunEach(site, neurons, heads);
                    for (int j = 0; j < neurons.length; j++) {
                        Recording one = patching.patchedRun(site, new int[] {neurons[j]}, heads);
                        for (String head : heads) {
                            int w = one.get(head).site().width();
                            double[] block = new double[m * w];
                            System.arraycopy(each.get(head).values(), j * m * w, block, 0, m * w);
                            assertArrayEquals(one.get(head).values(), block, pairs + " " + site + "[" + neurons[j]
                                    + "] -> " + head);
                        }
                    }
                }
                // the whole sweep: many neurons per pass against one neuron per pass, and against patchNeuron
                List<SweepOutput> outputs = SweepOutput.defaults(net);
                PatchSweep batched = new PatchSweep(patching);
                assertTrue(batched.neuronsPerPass() >= 4, "the default batches several neurons per pass: "
                        + batched.neuronsPerPass());
                List<PatchSweepRow> rows = batched.rows(outputs);
                assertEquals(rows, new PatchSweep(patching, 1).rows(outputs), pairs.toString());
                Readout first = new Readout(heads.get(0), 0);
                List<PatchSweepRow> fixed = batched.rows(List.of(SweepOutput.of(first)));
                for (PatchSweepRow r : fixed) {
                    PatchEffect e = r.wholeSite() ? patching.patchSite(r.site(), first)
                            : patching.patchNeuron(r.site(), r.neuron(), first);
                    assertEquals(e.meanRestored(), r.meanRestored(), r.toString());
                    assertEquals(e.pooledRestored(), r.pooledRestored(), r.toString());
                    assertEquals(e.standardError(), r.standardError(), r.toString());
                    assertEquals(e.definedCount(), r.definedCount(), r.toString());
                }
                int neurons = 0;
                for (String layer : batched.hiddenLayers()) {
                    neurons += net.site(layer).width();
                }
                assertEquals(neurons + batched.wholeSites().size(), fixed.size(), "a row per neuron and per site");
            }
        }
    }

    @Test
    void theTriggerNeuronRestoresAllOnEveryTriggerPairAndRanksFirst() {
        StateBatch states = TriggerCircuit.states();
        StatePairs pairs = StatePairs.triggerVersusNoTrigger(states);
        assertTrue(pairs.size() > 20, pairs.toString());
        for (int i = 0; i < pairs.size(); i++) {
            assertEquals(1.0, states.observation(pairs.clean()[i])[TriggerCircuit.TRIGGER_BIT]);
            assertEquals(0.0, states.observation(pairs.corrupted()[i])[TriggerCircuit.TRIGGER_BIT]);
        }
        InspectableNetwork net = TriggerCircuit.network().inspect();
        ActivationPatching patching = new ActivationPatching(ActivationAtlas.record(net, states), pairs);
        Readout gated = new Readout("policy.logits", 0);
        for (String site : List.of("torso.dense0", "torso.dense1")) {
            PatchEffect e = patching.patchNeuron(site, 0, gated);
            assertEquals(pairs.size(), e.definedCount(), "the trigger moves action 0's logit in every pair");
            for (double f : e.restored()) {
                assertEquals(1.0, f, site + "[0]");
            }
        }
        for (int[] unread : new int[][] {{0, 1}, {0, 2}, {1, 1}, {1, 2}}) {
            PatchEffect e = patching.patchNeuron("torso.dense" + unread[0], unread[1], gated);
            for (double f : e.restored()) {
                assertEquals(0.0, f, "torso.dense" + unread[0] + "[" + unread[1] + "]");
            }
        }

        PatchSweep sweep = new PatchSweep(patching);
        List<PatchSweepRow> rows = sweep.rows(SweepOutput.defaults(net));
        List<PatchSweepRow> neurons = rows.stream().filter(r -> !r.wholeSite()).toList();
        PatchSweepRow top = neurons.get(0);
        assertEquals("torso.dense0", top.site());
        assertEquals(0, top.neuron());
        assertEquals("policy.logits[clean greedy]", top.output());
        assertEquals(1.0, top.meanRestored());
        assertEquals(1.0, top.pooledRestored());
        assertEquals(0.0, top.standardError());
        assertEquals(pairs.size(), top.definedCount());
        PatchSweepRow second = neurons.get(1);
        assertEquals(List.of("torso.dense1", 0, 1.0), List.of(second.site(), second.neuron(), second.meanRestored()));
        for (PatchSweepRow r : neurons.subList(2, neurons.size())) {
            assertTrue(r.meanRestored() == 0.0 || Double.isNaN(r.meanRestored()), r.toString());
            assertEquals(r.meanRestored(), r.pooledRestored(), "0 or undefined alike; " + r);
            assertEquals(r.output().startsWith("value.out"), Double.isNaN(r.meanRestored()),
                    "the value is constant: undefined; " + r);
        }
        for (PatchSweepRow r : rows.stream().filter(PatchSweepRow::wholeSite).toList()) {
            assertEquals(r.output().startsWith("value.out") ? Double.NaN : 1.0, r.meanRestored(), r.toString());
            assertEquals(r.meanRestored(), r.pooledRestored(), r.toString());
        }
        assertEquals(List.of("torso.dense0.pre", "torso.dense0", "torso.dense1.pre", "torso.dense1"),
                sweep.wholeSites());
        assertEquals(IntStream.range(0, rows.size() - 1).allMatch(i -> rank(rows.get(i)) >= rank(rows.get(i + 1))),
                true, "sorted by |pooled restored|, undefined last");
    }

    private static double rank(PatchSweepRow r) {
        return Double.isNaN(r.pooledRestored()) ? -1 : Math.abs(r.pooledRestored());
    }
}
