package dev.lantern.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.api.VectorEnv;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridRules;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-step returns over a vector of two {@code grid/empty-5x5-v1} worlds with a 6-step time limit: copy 0 walks to the
 * goal in 4 steps (termination) and starts a new episode; copy 1 bumps into the wall until the time limit
 * (truncation). Returns and discounts are computed by hand.
 */
class NStepAssemblerTest {

    private record T(float[] obs, int action, double ret, double discount, float[] next) {
    }

    private static final double G = 0.9;

    @Test
    void returnsAreCutByTerminationAndBootstrappedAfterTruncation() {
        VectorEnv envs = new VectorEnv(List.of(EnvRegistry.make("grid/empty-5x5-v1", 6),
                EnvRegistry.make("grid/empty-5x5-v1", 6)), 11);
        envs.reset();
        int obsSize = envs.spec().observationSize();
        NStepAssembler nstep = new NStepAssembler(2, obsSize, 3, G);
        List<T> out = new ArrayList<>();
        TransitionSink sink = (o, oo, a, r, d, n, no) -> out.add(new T(Arrays.copyOfRange(o, oo, oo + obsSize), a, r, d,
                Arrays.copyOfRange(n, no, no + obsSize)));
        int r = GridWorld.ACTION_RIGHT;
        int dn = GridWorld.ACTION_DOWN;
        int l = GridWorld.ACTION_LEFT;
        int[][] acts = {{r, l}, {r, l}, {dn, l}, {dn, l}, {l, l}, {l, l}};
        float[][][] before = new float[6][2][];
        float[][][] after = new float[6][2][];
        List<List<T>> emitted = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            for (int e = 0; e < 2; e++) {
                before[t][e] = Arrays.copyOfRange(envs.observations, e * obsSize, (e + 1) * obsSize);
            }
            float[] obsBefore = envs.observations.clone();
            envs.step(acts[t]);
            for (int e = 0; e < 2; e++) {
                boolean ended = envs.terminated[e] || envs.truncated[e];
                after[t][e] = Arrays.copyOfRange(ended ? envs.finalObservations : envs.observations, e * obsSize,
                        (e + 1) * obsSize);
            }
            assertEquals(t == 3, envs.terminated[0], "copy 0 reaches the goal at step 3");
            assertEquals(t == 5, envs.truncated[1], "copy 1 hits the time limit at step 5");
            out.clear();
            nstep.record(obsBefore, acts[t], envs, sink);
            emitted.add(new ArrayList<>(out));
        }
        double s = (float) GridRules.STEP_REWARD; // rewards pass through VectorEnv's float array
        double goal = (float) (GridRules.STEP_REWARD + GridRules.GOAL_REWARD);

        assertEquals(0, emitted.get(0).size());
        assertEquals(0, emitted.get(1).size());
        // step 2: both windows are full, the oldest step of each leaves with a 3-step return and discount γ³
        check(emitted.get(2), new T(before[0][0], r, s + G * s + G * G * s, G * G * G, after[2][0]),
                new T(before[0][1], l, s + G * s + G * G * s, G * G * G, after[2][1]));
        // step 3: copy 0 terminates: steps 1, 2, 3 flush with returns cut at the goal and discount 0
        check(emitted.get(3), new T(before[1][0], r, s + G * s + G * G * goal, 0, after[3][0]),
                new T(before[2][0], dn, s + G * goal, 0, after[3][0]),
                new T(before[3][0], dn, goal, 0, after[3][0]),
                new T(before[1][1], l, s + G * s + G * G * s, G * G * G, after[3][1]));
        // step 4: copy 0's new episode has one pending step; copy 1 emits its step 2
        check(emitted.get(4), new T(before[2][1], l, s + G * s + G * G * s, G * G * G, after[4][1]));
        // step 5: copy 1 is truncated: its steps 3, 4, 5 flush, bootstrapping from the final observation with γ^k
        check(emitted.get(5), new T(before[3][1], l, s + G * s + G * G * s, G * G * G, after[5][1]),
                new T(before[4][1], l, s + G * s, G * G, after[5][1]),
                new T(before[5][1], l, s, G, after[5][1]));
        assertEquals(2, nstep.pending(0), "copy 0's new episode keeps its two steps pending");
        assertEquals(0, nstep.pending(1));
        assertTrue(!Arrays.equals(before[4][0], after[3][0]), "copy 0's new episode starts from a fresh observation");
        assertArrayEquals(before[4][0], before[0][0], "the new episode starts where the first did");
    }

    private static void check(List<T> actual, T... expected) {
        assertEquals(expected.length, actual.size(), "transitions emitted");
        for (int i = 0; i < expected.length; i++) {
            T a = actual.get(i);
            T e = expected[i];
            assertArrayEquals(e.obs(), a.obs(), "obs of transition " + i);
            assertEquals(e.action(), a.action(), "action of transition " + i);
            assertEquals(e.ret(), a.ret(), 1e-12, "return of transition " + i);
            assertEquals(e.discount(), a.discount(), 1e-12, "discount of transition " + i);
            assertArrayEquals(e.next(), a.next(), "next obs of transition " + i);
        }
    }
}
