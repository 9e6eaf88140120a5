package dev.lantern.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Linear mode connectivity's invariants: flat on itself, exact endpoints, hand-known barriers. */
class ModeConnectivityTest {

    private static final double[] ALPHAS = ModeConnectivity.alphas(ModeConnectivity.DEFAULT_ALPHAS);

    private static List<InspectableNetwork> randomPair(StateBatch states, boolean q) {
        int in = states.observationSize();
        if (q) {
            return List.of(QNet.create(in, 4, new int[] {12, 12}, 1e-3, 4, DataType.FLOAT).inspect(),
                    QNet.create(in, 4, new int[] {12, 12}, 1e-3, 5, DataType.FLOAT).inspect());
        }
        return List.of(ActorCriticNet.create(in, 4, new int[] {16, 8}, 1e-3, 0, 3, DataType.FLOAT).inspect(),
                ActorCriticNet.create(in, 4, new int[] {16, 8}, 1e-3, 0, 7, DataType.FLOAT).inspect());
    }

    @Test
    void alphasAreEvenlySpacedFromZeroToOne() {
        assertEquals(30, ALPHAS.length);
        assertEquals(0.0, ALPHAS[0]);
        assertEquals(1.0, ALPHAS[29]);
        assertEquals(1.0 / 29, ALPHAS[1], 0);
        assertThrows(IllegalArgumentException.class, () -> ModeConnectivity.alphas(1));
    }

    @Test
    void aNetworkWithItselfIsFlatWithBarrierExactlyZero() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        ModeConnectivity lmc = new ModeConnectivity(new FixedEvaluation(states, 0.99));
        for (boolean q : new boolean[] {false, true}) {
            InspectableNetwork a = randomPair(states, q).get(0);
            InterpolationCurve c = lmc.curve(a, a, ALPHAS);
            assertEquals(0.0, c.endpointErrorA(), "alpha = 0 reproduces the network bit for bit");
            assertEquals(0.0, c.endpointErrorB());
            for (ConnectivityMetric m : ConnectivityMetric.values()) {
                if (q && m == ConnectivityMetric.POLICY_KL) {
                    assertTrue(Double.isNaN(c.barrier(m)), "no KL for a Q-network");
                    continue;
                }
                double[] v = c.values(m);
                for (double x : v) {
                    assertEquals(Double.doubleToLongBits(v[0]), Double.doubleToLongBits(x), m + " is flat");
                }
                assertEquals(0.0, c.barrier(m), m.key());
            }
        }
    }

    @Test
    void theEndpointsReproduceTwoDifferentNetworksAndNeitherIsWritten() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        FixedEvaluation eval = new FixedEvaluation(states, 0.99);
        ModeConnectivity lmc = new ModeConnectivity(eval);
        for (boolean q : new boolean[] {false, true}) {
            List<InspectableNetwork> pair = randomPair(states, q);
            double[] before = pair.get(0).parameters();
            double[] beforeB = pair.get(1).parameters();
            InterpolationCurve c = lmc.curve(pair.get(0), pair.get(1), ALPHAS);
            assertEquals(0.0, c.endpointErrorA());
            assertEquals(0.0, c.endpointErrorB());
            assertArrayEquals(before, pair.get(0).parameters(), "A is not written");
            assertArrayEquals(beforeB, pair.get(1).parameters(), "B is not written");
            FixedEvaluation.Scores a = eval.score(pair.get(0));
            FixedEvaluation.Scores b = eval.score(pair.get(1));
            assertEquals(a.loss(), c.values(ConnectivityMetric.LOSS)[0], 0);
            assertEquals(b.loss(), c.values(ConnectivityMetric.LOSS)[29], 0);
            assertEquals(1 - b.success(), c.values(ConnectivityMetric.FAILURE)[29], 0);
            assertEquals(q, c.qNetwork());
            if (!q) {
                assertEquals(0.0, c.klToA()[0]);
                assertEquals(0.0, c.klToB()[29]);
                assertTrue(c.klToB()[0] > 0, "two different random networks' policies differ");
            }
        }
    }

    @Test
    void permutedTwinsAreEachOptimalButTheirAverageIsBrokenByAKnownBarrier() {
        StateBatch row = SignCircuit.states();
        ModeConnectivity lmc = new ModeConnectivity(new FixedEvaluation(row, 1.0));
        InterpolationCurve c = lmc.curve(SignCircuit.network(0, 1), SignCircuit.network(1, 1), ALPHAS);
        double[] err = c.values(ConnectivityMetric.RETURN_ERROR);
        assertEquals(0.0, err[0], 1e-12, "each twin walks right: the optimum");
        assertEquals(0.0, err[29], 1e-12);
        // in the middle left's logit wins: 50 steps of -0.01 against the optimum 0.81
        assertEquals(1 + 0.5 / 0.81, err[14], 1e-12);
        assertEquals(1 + 0.5 / 0.81, c.barrier(ConnectivityMetric.RETURN_ERROR), 1e-12);
        assertEquals(1.0, c.barrier(ConnectivityMetric.FAILURE), 0);
        assertEquals(1.0, c.barrier(ConnectivityMetric.SUBOPTIMAL), 0);
        assertTrue(c.barrier(ConnectivityMetric.LOSS) > 1, "cross-entropy rises from 0.07 to log 4 + ...");
        assertTrue(c.barrier(ConnectivityMetric.POLICY_KL) > 0.1);
    }

    @Test
    void theFixedLossIsTheHandComputedCrossEntropyAndScalingsGiveTheKnownBarrier() {
        StateBatch row = SignCircuit.states();
        ModeConnectivity lmc = new ModeConnectivity(new FixedEvaluation(row, 1.0));
        // logits: right 4 tanh(2 tanh 2) s, left s, up and down 0; right is the only optimal action in every state
        double h = Math.tanh(2 * Math.tanh(2));
        java.util.function.DoubleUnaryOperator ce = s -> -(4 * h * s
                - Math.log(Math.exp(4 * h * s) + Math.exp(s) + 2));
        InterpolationCurve c = lmc.curve(SignCircuit.network(0, 1), SignCircuit.network(0, 3), ALPHAS);
        double[] loss = c.values(ConnectivityMetric.LOSS);
        assertEquals(ce.applyAsDouble(1), loss[0], 1e-12);
        assertEquals(ce.applyAsDouble(3), loss[29], 1e-12);
        // theta(alpha) scales the logits by 1 + 2 alpha; the cross-entropy falls monotonically, so the sup is at
        // alpha = 0 and the barrier is (L(1) - L(3)) / 2
        assertEquals(ce.applyAsDouble(1 + 2 * ALPHAS[10]), loss[10], 1e-12);
        assertEquals((ce.applyAsDouble(1) - ce.applyAsDouble(3)) / 2, c.barrier(ConnectivityMetric.LOSS), 1e-12);
        assertEquals(0.0, c.barrier(ConnectivityMetric.RETURN_ERROR), 0, "the same greedy policy all along");
    }

    @Test
    void networksOfDifferentArchitecturesAreRefused() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        ModeConnectivity lmc = new ModeConnectivity(new FixedEvaluation(states, 0.99));
        List<InspectableNetwork> ac = randomPair(states, false);
        List<InspectableNetwork> q = randomPair(states, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lmc.curve(ac.get(0), q.get(0), ALPHAS));
        assertTrue(e.getMessage().contains("differ in architecture"), e.getMessage());
    }
}
