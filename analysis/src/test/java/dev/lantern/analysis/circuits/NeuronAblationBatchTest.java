package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Several neurons ablated in one pass give exactly one pass per neuron; resampling follows its seeded cycle. */
class NeuronAblationBatchTest {

    @Test
    void severalNeuronsPerPassEqualOnePassPerNeuronBitForBit() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        InspectableNetwork ac = ActorCriticNet.create(states.observationSize(), 4, new int[] {16, 8}, 1e-3, 0, 3,
                DataType.FLOAT).inspect();
        InspectableNetwork qn = QNet.create(states.observationSize(), 4, new int[] {12, 12}, 1e-3, 4,
                DataType.FLOAT).inspect();
        for (InspectableNetwork net : List.of(ac, qn)) {
            NeuronAblation ablation = new NeuronAblation(ActivationAtlas.record(net, states), 0.99, 7);
            for (AblationKind kind : AblationKind.values()) {
                List<AblationEffect> single = ablation.table(kind, 1);
                assertEquals(single, ablation.table(kind, 16), kind.toString());
                assertEquals(single, ablation.table(kind, 5), kind + ": groups that do not divide the layer");
                int[] all = IntStream.range(0, 12).toArray();
                List<Recording> batched = ablation.ablatedHeads("torso.dense0", all, kind);
                for (int j : all) {
                    Recording one = ablation.ablatedHeads("torso.dense0", j, kind);
                    for (String head : one.sites().keySet()) {
                        assertArrayEquals(one.get(head).values(), batched.get(j).get(head).values(),
                                kind + " dense0[" + j + "] -> " + head);
                    }
                }
            }
        }
    }

    @Test
    void resampleTakesEachDecisionStatesActivationFromAnotherStateOnASeededCycle() {
        StateBatch states = RowCircuit.states();
        ActivationAtlas atlas = ActivationAtlas.record(RowCircuit.network().inspect(), states);
        NeuronAblation ablation = new NeuronAblation(atlas, 0.9, 11);
        boolean[] decides = states.decisionStates();
        int[] src = ablation.resampleSources();
        int decisionCount = 0;
        for (int s = 0; s < src.length; s++) {
            decisionCount += decides[s] ? 1 : 0;
            if (!decides[s]) {
                assertEquals(s, src[s], "a state that does not decide keeps its own activation");
            }
        }
        // one cycle through every decision state: no state is its own source
        int s0 = IntStream.range(0, src.length).filter(s -> decides[s]).findFirst().orElseThrow();
        int length = 0;
        int s = s0;
        do {
            assertNotEquals(s, src[s]);
            s = src[s];
            length++;
        } while (s != s0);
        assertEquals(decisionCount, length);
        assertArrayEquals(src, new NeuronAblation(atlas, 0.9, 11).resampleSources(), "deterministic from the seed");
        assertFalse(java.util.Arrays.equals(src, new NeuronAblation(atlas, 0.9, 12).resampleSources()));
        // the designed neuron: the greedy action flips exactly where the source sits on the other side of column 10
        for (String site : List.of("torso.dense0", "torso.dense1")) {
            double[] replaced = ablation.replacements(site, 0, AblationKind.RESAMPLE);
            for (int t = 0; t < src.length; t++) {
                assertEquals(atlas.activations(site).get(src[t], 0), replaced[t]);
            }
            int[] expected = IntStream.range(0, src.length)
                    .filter(t -> decides[t] && (states.state(t).col() >= 10) != (states.state(src[t]).col() >= 10))
                    .toArray();
            AblationEffect e = ablation.effect(site, 0, AblationKind.RESAMPLE);
            assertArrayEquals(expected, e.changedStates(), site);
            assertEquals(0.0, e.meanAbsValue(), "V does not read neuron 0");
            assertEquals(Double.NaN, e.replacement());
        }
    }
}
