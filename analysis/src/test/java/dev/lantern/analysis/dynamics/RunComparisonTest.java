package dev.lantern.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Run comparison's invariants: a network against itself is zero everywhere, exactly; KL is never negative and TV
 * lies in [0, 1]; the hand-built pair ({@link TinyPair}) gives the numbers worked out by hand.
 */
class RunComparisonTest {

    private static PolicyTable table(InspectableNetwork net, StateBatch states) {
        return PolicyTable.of(ActivationAtlas.record(net, states));
    }

    @Test
    void aNetworkAgainstItselfIsZeroExactly() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        for (InspectableNetwork net : List.of(
                ActorCriticNet.create(states.observationSize(), 4, new int[] {16, 8}, 1e-3, 0, 3, DataType.FLOAT)
                        .inspect(),
                QNet.create(states.observationSize(), 4, new int[] {12, 12}, 1e-3, 4, DataType.FLOAT).inspect())) {
            PolicyComparison c = PolicyComparison.of(table(net, states), table(net, states));
            boolean q = net.heads().size() == 1;
            assertEquals(q, c.qNetwork());
            if (!q) {
                assertEquals(0.0, c.klForward());
                assertEquals(0.0, c.klBackward());
                assertEquals(0.0, c.klSymmetric());
            } else {
                assertTrue(Double.isNaN(c.klForward()), "KL of greedy policies is not defined");
            }
            assertEquals(0.0, c.totalVariation());
            assertEquals(1.0, c.agreement());
            assertEquals(0.0, c.meanAbsValue());
            assertEquals(0.0, c.maxAbsValue());
            assertEquals(0, c.disagreements());
            for (LayerDistance d : ParameterDistance.perLayer(net, net)) {
                assertEquals(0.0, d.l2(), d.layer());
                assertEquals(0.0, d.relative(), d.layer());
                assertEquals(0.0, d.maxAbs(), d.layer());
                assertTrue(d.normA() > 0, d.layer());
            }
        }
    }

    @Test
    void klIsNeverNegativeAndTvLiesInTheUnitIntervalForAnyTwoNetworks() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        int in = states.observationSize();
        for (long seed = 1; seed <= 3; seed++) {
            PolicyComparison c = PolicyComparison.of(
                    table(ActorCriticNet.create(in, 4, new int[] {16, 8}, 1e-3, 0, seed, DataType.FLOAT).inspect(),
                            states),
                    table(ActorCriticNet.create(in, 4, new int[] {16, 8}, 1e-3, 0, seed + 10, DataType.FLOAT)
                            .inspect(), states));
            assertTrue(c.klForward() > 0 && c.klBackward() > 0, c.klForward() + " " + c.klBackward());
            assertTrue(c.totalVariation() > 0 && c.totalVariation() <= 1, "TV " + c.totalVariation());
            for (int s = 0; s < states.size(); s++) {
                if (c.decides(s)) {
                    assertTrue(c.stateKl()[s] >= 0, "state " + s);
                    assertTrue(c.stateTv()[s] >= 0 && c.stateTv()[s] <= 1, "state " + s);
                }
            }
        }
        // Q-networks: the greedy policies' TV is exactly the disagreement
        PolicyComparison q = PolicyComparison.of(
                table(QNet.create(in, 4, new int[] {12, 12}, 1e-3, 4, DataType.FLOAT).inspect(), states),
                table(QNet.create(in, 4, new int[] {12, 12}, 1e-3, 5, DataType.FLOAT).inspect(), states));
        assertEquals(1 - q.agreement(), q.totalVariation(), 1e-15);
        assertTrue(q.disagreements() > 0);
    }

    @Test
    void theHandBuiltPairGivesTheNumbersWorkedOutByHand() {
        StateBatch states = TinyPair.states();
        InspectableNetwork a = TinyPair.a().inspect();
        InspectableNetwork b = TinyPair.b().inspect();
        PolicyComparison c = PolicyComparison.of(table(a, states), table(b, states));
        assertEquals(19, c.decisionStates());
        // columns 0..9: logits (0,0,0,1) vs (0,0,0,2); columns 10..18: (0,0,R,1) vs (0,0,R,2), R = 2 tanh(tanh 2)
        double[] off = {0, 0, 0};
        double[] on = {0, 0, TinyPair.RIGHT};
        double kf = (10 * kl(off, 1, 2) + 9 * kl(on, 1, 2)) / 19;
        double kb = (10 * kl(off, 2, 1) + 9 * kl(on, 2, 1)) / 19;
        assertEquals(kf, c.klForward(), 1e-12);
        assertEquals(kb, c.klBackward(), 1e-12);
        assertEquals((kf + kb) / 2, c.klSymmetric(), 1e-12);
        double tv = (10 * tv(off) + 9 * tv(on)) / 19;
        assertEquals(tv, c.totalVariation(), 1e-12);
        assertEquals(10 / 19.0, c.agreement(), 1e-15, "a goes right in columns 10..18, b left everywhere");
        assertEquals(9, c.disagreements());
        assertEquals(0.25, c.meanAbsValue(), 1e-12);
        assertEquals(0.25, c.maxAbsValue(), 1e-12);
        int[] top = c.topPolicyChanges(9);
        for (int s : top) {
            assertTrue(states.state(s).col() >= 10, "the changed states come first: " + states.state(s));
        }
        // parameters: left's bias moved by 1, the value bias by 0.25, nothing else
        List<LayerDistance> d = ParameterDistance.perLayer(a, b);
        assertEquals(List.of("torso.dense0", "torso.dense1", "policy.logits", "value.out", "all"),
                d.stream().map(LayerDistance::layer).toList());
        assertEquals(0.0, d.get(0).l2());
        assertEquals(0.0, d.get(1).l2());
        assertEquals(1.0, d.get(2).l2(), 1e-15);
        assertEquals(1.0, d.get(2).maxAbs(), 1e-15);
        assertEquals(1 / Math.sqrt(5), d.get(2).relative(), 1e-15, "a's policy layer: weight 2, bias 1");
        assertEquals(0.25, d.get(3).l2(), 1e-15);
        assertEquals(0.25, d.get(3).relative(), 1e-15, "a's value layer: weight 1");
        assertEquals(Math.sqrt(1 + 0.0625), d.get(4).l2(), 1e-15);
        assertEquals(3 * 4 + 4, d.get(2).parameters());
    }

    @Test
    void differentArchitecturesAreRefusedWithBothLayouts() {
        StateBatch states = TinyPair.states();
        InspectableNetwork a = TinyPair.a().inspect();
        InspectableNetwork wide = ActorCriticNet.create(26, 4, new int[] {5, 3}, 1e-3, 0, 1, DataType.DOUBLE)
                .inspect();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterDistance.perLayer(a, wide));
        assertTrue(e.getMessage().contains("torso.dense0 26x3") && e.getMessage().contains("torso.dense0 26x5"),
                e.getMessage());
        // the policies over the same states still compare
        PolicyComparison c = PolicyComparison.of(table(a, states), table(wide, states));
        assertTrue(c.totalVariation() > 0);
        assertArrayEquals(table(a, states).greedyActions(), c.greedyA());
    }

    /** KL between softmax(x0, x1, x2, left p) and softmax(x0, x1, x2, left q), computed from the definition. */
    private static double kl(double[] x, double p, double q) {
        double[] pp = softmax(x, p);
        double[] qq = softmax(x, q);
        double d = 0;
        for (int i = 0; i < 4; i++) {
            d += pp[i] * Math.log(pp[i] / qq[i]);
        }
        return d;
    }

    private static double tv(double[] x) {
        double[] pp = softmax(x, 1);
        double[] qq = softmax(x, 2);
        double d = 0;
        for (int i = 0; i < 4; i++) {
            d += Math.abs(pp[i] - qq[i]);
        }
        return d / 2;
    }

    private static double[] softmax(double[] x, double left) {
        double[] e = {Math.exp(x[0]), Math.exp(x[1]), Math.exp(x[2]), Math.exp(left)};
        double sum = e[0] + e[1] + e[2] + e[3];
        return new double[] {e[0] / sum, e[1] / sum, e[2] / sum, e[3] / sum};
    }
}
