package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Ablation over the whole state space changes the policy exactly where the designed circuit says, and nowhere else. */
class NeuronAblationTest {

    @Test
    void ablatingTheDesignedNeuronChangesTheGreedyActionExactlyOnTheDesignedStates() {
        StateBatch states = RowCircuit.states();
        InspectableNetwork net = RowCircuit.network().inspect();
        NeuronAblation ablation = new NeuronAblation(ActivationAtlas.record(net, states));
        int[] designed = IntStream.rangeClosed(10, 18).map(c -> states.space().indexOf(c, 0, 0)).sorted().toArray();
        for (String site : List.of("torso.dense0", "torso.dense1")) {
            for (AblationKind kind : List.of(AblationKind.ZERO, AblationKind.MEAN)) {
                AblationEffect e = ablation.effect(site, 0, kind);
                assertArrayEquals(designed, e.changedStates(), site + " " + kind);
                assertEquals(9 / 19.0, e.greedyChanged(), 1e-15);
                assertEquals(0.0, e.meanAbsValue(), site + " " + kind + ": V does not read neuron 0");
                assertTrue(e.policyKl() > 0);
            }
        }
        // the mean is over the decision states: 9 of 19 at tanh 2
        assertEquals(9 * Math.tanh(2) / 19, ablation.replacement("torso.dense0", 0, AblationKind.MEAN), 1e-15);
        // the value's neuron moves V by exactly its activation and leaves the policy alone
        AblationEffect value = ablation.effect("torso.dense1", 1, AblationKind.ZERO);
        assertEquals(Math.tanh(Math.tanh(0.5)), value.meanAbsValue(), 1e-15);
        assertEquals(0.0, value.policyKl());
        assertEquals(0, value.changedStates().length);
        // the ranked table: every hidden neuron once, the designed circuit first
        List<AblationEffect> table = ablation.table(AblationKind.ZERO);
        assertEquals(6, table.size());
        Set<String> seen = new HashSet<>();
        table.forEach(e -> seen.add(e.site() + "[" + e.neuron() + "]"));
        assertEquals(6, seen.size());
        assertEquals(Set.of("torso.dense0[0]", "torso.dense1[0]"),
                Set.of(table.get(0).site() + "[" + table.get(0).neuron() + "]",
                        table.get(1).site() + "[" + table.get(1).neuron() + "]"));
        for (int i = 1; i < table.size(); i++) {
            assertTrue(table.get(i - 1).policyKl() >= table.get(i).policyKl(), "ranked by KL");
        }
    }

    @Test
    void zeroAblationOfANeuronAlreadyZeroEverywhereIsANoOpBitForBit() {
        StateBatch states = RowCircuit.states();
        InspectableNetwork net = RowCircuit.network().inspect();
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        NeuronAblation ablation = new NeuronAblation(atlas);
        assertArrayEquals(new int[] {2}, atlas.health("torso.dense1").dead());
        for (String site : List.of("torso.dense0", "torso.dense1")) {
            Recording ablated = ablation.ablatedHeads(site, 2, AblationKind.ZERO);
            for (String head : List.of("policy.logits", "value.out")) {
                assertArrayEquals(atlas.activations(head).values(), ablated.get(head).values(), site + " -> " + head);
            }
            AblationEffect e = ablation.effect(site, 2, AblationKind.ZERO);
            assertEquals(0.0, e.policyKl());
            assertEquals(0.0, e.meanAbsValue());
            assertEquals(0.0, e.greedyChanged());
        }
    }

    @Test
    void aNeuronTheHeadsDoNotReadChangesNothing() {
        // a random float network on four-rooms whose heads do not read dense1[2]
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        ActorCriticNet ac = ActorCriticNet.create(states.observationSize(), 4, new int[] {16, 8}, 1e-3, 0, 3,
                DataType.FLOAT);
        ac.graph().getLayer("policy.logits").getParam("W").getRow(2).assign(0);
        ac.graph().getLayer("value.out").getParam("W").getRow(2).assign(0);
        QNet qn = QNet.create(states.observationSize(), 4, new int[] {12, 12}, 1e-3, 4, DataType.FLOAT);
        qn.graph().getLayer("q.values").getParam("W").getRow(2).assign(0);
        for (InspectableNetwork net : List.of(ac.inspect(), qn.inspect())) {
            NeuronAblation ablation = new NeuronAblation(ActivationAtlas.record(net, states));
            for (AblationKind kind : AblationKind.values()) {
                AblationEffect e = ablation.effect("torso.dense1", 2, kind);
                assertEquals(0.0, e.greedyChanged(), e.toString());
                assertEquals(0.0, e.meanAbsValue(), e.toString());
                assertEquals(0, e.changedStates().length);
                if (net.heads().size() == 2) {
                    assertEquals(0.0, e.policyKl(), e.toString());
                } else {
                    assertTrue(Double.isNaN(e.policyKl()), "a Q-network has no softmax policy");
                }
                // a neuron the heads do read does change them
                assertTrue(ablation.effect("torso.dense1", 1, kind).meanAbsValue() > 0);
            }
            assertEquals(24, ablation.table(AblationKind.ZERO).size(), "16 + 8 and 12 + 12 hidden neurons");
        }
    }

    @Test
    void theDesignedNeuronCostsTheGoalAndTheValueNeuronTheValueErrorAsComputedByHand() {
        // start in column 10: clean, greedy right reaches the goal in 9 steps; without the designed neuron, always left
        StateBatch states = RowCircuit.states(10, 50);
        double gamma = 0.9;
        NeuronAblation ablation = new NeuronAblation(ActivationAtlas.record(RowCircuit.network().inspect(), states),
                gamma, 0);
        assertEquals(8 * -0.01 + 0.99, ablation.cleanOutcome().expectedReturn(), 1e-12);
        assertEquals(1.0, ablation.cleanOutcome().success());
        AblationOutcome cut = ablation.effect("torso.dense0", 0, AblationKind.ZERO).outcome();
        assertEquals(50 * -0.01, cut.ablated().expectedReturn(), 1e-12);
        assertEquals(-1.0, cut.successChange());
        assertEquals(50 * -0.01 - (8 * -0.01 + 0.99), cut.returnChange(), 1e-12);
        assertEquals(0.0, cut.errorStarChange(), "V does not read the designed neuron");
        assertEquals(0.0, cut.errorPiChange());
        // V* in column c (0..18): 18 - c steps of -0.01, then 0.99 for the step onto the goal, discounted by 0.9
        double cleanV = Math.tanh(Math.tanh(0.5));
        double clean = 0;
        double zero = 0;
        for (int c = 0; c <= 18; c++) {
            double v = 0.99 * Math.pow(gamma, 18 - c);
            for (int i = 0; i < 18 - c; i++) {
                v += -0.01 * Math.pow(gamma, i);
            }
            clean += Math.abs(cleanV - v);
            zero += Math.abs(v);
        }
        AblationOutcome value = ablation.effect("torso.dense1", 1, AblationKind.ZERO).outcome();
        assertEquals(clean / 19, value.cleanErrorStar(), 1e-12);
        assertEquals(zero / 19, value.errorStar(), 1e-12, "V = 0 without the value's neuron");
        assertEquals(0.0, value.returnChange(), "the policy does not read the value's neuron");
        assertTrue(Double.isFinite(value.errorPiChange()) && value.errorPiChange() != 0);
        // without a discount there are no targets, and the errors say so
        AblationOutcome none = new NeuronAblation(ActivationAtlas.record(RowCircuit.network().inspect(), states))
                .effect("torso.dense1", 1, AblationKind.ZERO).outcome();
        assertTrue(Double.isNaN(none.errorStar()) && Double.isNaN(none.errorPiChange()));
        assertEquals(value.returnChange(), none.returnChange());
    }
}
