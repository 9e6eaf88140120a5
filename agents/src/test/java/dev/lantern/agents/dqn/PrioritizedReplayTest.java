package dev.lantern.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.environments.random.Rng;
import org.junit.jupiter.api.Test;

/** The sum tree and proportional prioritized replay (Schaul et al. 2016). */
class PrioritizedReplayTest {

    @Test
    void theSumTreeFindsPrefixSumsAndFollowsUpdates() {
        SumTree t = new SumTree(5); // not a power of two: leaves padded to 8
        double[] v = {1, 2, 3, 4, 0.5};
        for (int i = 0; i < v.length; i++) {
            t.set(i, v[i]);
        }
        assertEquals(10.5, t.total(), 0);
        assertEquals(0.5, t.min(), 0);
        assertEquals(0, t.find(0));
        assertEquals(0, t.find(0.999));
        assertEquals(1, t.find(1.0));
        assertEquals(1, t.find(2.999));
        assertEquals(2, t.find(3.0));
        assertEquals(3, t.find(9.999));
        assertEquals(4, t.find(10.2));
        assertEquals(4, t.find(10.5), "a prefix at the total falls on the last positive leaf, never a padding leaf");
        t.set(1, 0);
        assertEquals(8.5, t.total(), 0);
        assertEquals(2, t.find(1.0));
        assertEquals(0, t.min(), 0);
        t.set(1, 6);
        assertEquals(14.5, t.total(), 0);
        assertEquals(1, t.find(6.9));
        assertEquals(2, t.find(7.0));
        assertThrows(IllegalArgumentException.class, () -> t.set(5, 1));
        assertThrows(IllegalArgumentException.class, () -> t.set(0, -1));
    }

    @Test
    void samplingIsProportionalToPriority() {
        PrioritizedReplay r = filled(1.0);
        // priorities p = (|δ| + ε)^α with α = 1: 1, 2, 3, 4
        r.updatePriorities(new int[] {0, 1, 2, 3}, new double[] {1 - 1e-6, -(2 - 1e-6), 3 - 1e-6, 4 - 1e-6});
        Rng rng = new Rng(7);
        int[] counts = new int[4];
        int[] slots = new int[8];
        double[] w = new double[8];
        int draws = 0;
        for (int k = 0; k < 20_000; k++) {
            r.sample(rng, 0.5, slots, w);
            for (int s : slots) {
                counts[s]++;
                draws++;
            }
        }
        for (int i = 0; i < 4; i++) {
            assertEquals((i + 1) / 10.0, counts[i] / (double) draws, 0.005, "slot " + i);
        }
    }

    @Test
    void importanceWeightsAreNormalizedByTheLargest() {
        PrioritizedReplay r = filled(0.5);
        // α = 0.5: p = sqrt(|δ| + ε) = 1, 2, 3, 4 for |δ| + ε = 1, 4, 9, 16
        r.updatePriorities(new int[] {0, 1, 2, 3}, new double[] {1 - 1e-6, 4 - 1e-6, 9 - 1e-6, 16 - 1e-6});
        assertEquals(10, r.tree().total(), 1e-9);
        int[] slots = new int[64];
        double[] w = new double[64];
        double beta = 0.5;
        r.sample(new Rng(3), beta, slots, w);
        for (int k = 0; k < slots.length; k++) {
            double p = slots[k] + 1;
            // w = (N P)^-β / max_j (N P_j)^-β, the max at the smallest priority 1: (p / 1)^-β
            assertEquals(Math.pow(p, -beta), w[k], 1e-9, "slot " + slots[k]);
        }
    }

    @Test
    void newTransitionsEnterAtTheLargestPriority() {
        PrioritizedReplay r = filled(1.0);
        assertEquals(1.0, r.tree().get(3), 0, "the first transitions enter at priority 1");
        r.updatePriorities(new int[] {0}, new double[] {5});
        float[] o = new float[2];
        r.add(o, 0, 1, 0.0, 0.0, o, 0);
        assertEquals(5 + 1e-6, r.tree().get(4), 1e-12);
        assertEquals(5 + 1e-6, r.maxPriority(), 1e-12);
    }

    private static PrioritizedReplay filled(double alpha) {
        PrioritizedReplay r = new PrioritizedReplay(new ReplayBuffer(8, 2), alpha, 1e-6);
        for (int i = 0; i < 4; i++) {
            float[] o = {i, -i};
            r.add(o, 0, i % 2, i, 0.9, o, 0);
        }
        return r;
    }
}
