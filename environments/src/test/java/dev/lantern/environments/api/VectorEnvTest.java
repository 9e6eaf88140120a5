package dev.lantern.environments.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.registry.EnvRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class VectorEnvTest {

    private static final int RIGHT = GridWorld.ACTION_RIGHT;
    private static final int LEFT = GridWorld.ACTION_LEFT;

    private static List<GridWorld> corridors(int n, int maxSteps) {
        List<GridWorld> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new GridWorld("corridor", GridMapParser.parse("c.txt", "S.G\n"), maxSteps));
        }
        return list;
    }

    private static float[] encode(GridWorld env, int row, int col, int mask) {
        float[] buf = new float[env.spec().observationSize()];
        env.encode(new GridState(row, col, mask), buf, 0);
        return buf;
    }

    private static float[] row(float[] array, int i, int size) {
        return Arrays.copyOfRange(array, i * size, (i + 1) * size);
    }

    @Test
    void autoResetKeepsTheFinalObservationAndEpisodeStatistics() {
        List<GridWorld> envs = corridors(2, 10);
        VectorEnv vec = new VectorEnv(envs, 3);
        int size = vec.spec().observationSize();
        float[] start = encode(envs.get(0), 0, 0, 0);
        vec.reset();
        assertArrayEquals(start, row(vec.observations, 0, size));
        assertArrayEquals(start, row(vec.observations, 1, size));

        vec.step(new int[] {RIGHT, LEFT});
        assertEquals(-0.01f, vec.rewards[0]);
        assertEquals(-0.01f, vec.rewards[1]);
        assertArrayEquals(encode(envs.get(0), 0, 1, 0), row(vec.observations, 0, size));
        assertArrayEquals(start, row(vec.observations, 1, size));
        assertFalse(vec.terminated[0] || vec.truncated[0]);

        Arrays.fill(vec.finalObservations, -7f);
        vec.step(new int[] {RIGHT, RIGHT});
        assertTrue(vec.terminated[0]);
        assertFalse(vec.truncated[0]);
        assertEquals(0.99f, vec.rewards[0]);
        assertEquals(0.99f, vec.performance[0]);
        assertArrayEquals(encode(envs.get(0), 0, 2, 0), row(vec.finalObservations, 0, size), "last observation");
        assertArrayEquals(start, row(vec.observations, 0, size), "first observation of the next episode");
        assertEquals(0.98, vec.episodeReturn[0], 1e-12);
        assertEquals(0.98, vec.episodePerformance[0], 1e-12);
        assertEquals(2, vec.episodeLength[0]);
        assertEquals(1, vec.episodesFinished());
        assertFalse(vec.terminated[1]);
        assertArrayEquals(encode(envs.get(1), 0, 1, 0), row(vec.observations, 1, size));
        float[] untouched = new float[size];
        Arrays.fill(untouched, -7f);
        assertArrayEquals(untouched, row(vec.finalObservations, 1, size), "rows of running copies are untouched");

        vec.step(new int[] {RIGHT, RIGHT});
        assertFalse(vec.terminated[0]);
        assertTrue(vec.terminated[1]);
        assertEquals(3, vec.episodeLength[1]);
        assertEquals(0.97, vec.episodeReturn[1], 1e-12);
        assertEquals(2, vec.episodeLength[0], "stats of copy 0 keep their last value");
        assertEquals(2, vec.episodesFinished());
    }

    @Test
    void truncatedEpisodesKeepTheirLastObservation() {
        List<GridWorld> envs = corridors(1, 3);
        VectorEnv vec = new VectorEnv(envs, 0);
        int size = vec.spec().observationSize();
        vec.reset();
        vec.step(new int[] {RIGHT});
        vec.step(new int[] {LEFT});
        vec.step(new int[] {RIGHT});
        assertTrue(vec.truncated[0]);
        assertFalse(vec.terminated[0]);
        assertArrayEquals(encode(envs.get(0), 0, 1, 0), row(vec.finalObservations, 0, size));
        assertArrayEquals(encode(envs.get(0), 0, 0, 0), row(vec.observations, 0, size));
        assertEquals(-0.03, vec.episodeReturn[0], 1e-12);
        assertEquals(3, vec.episodeLength[0]);
        assertEquals(0, envs.get(0).stepsTaken(), "the copy was reset");
    }

    @Test
    void sameSeedSameResultsAndTheGenericPathAgrees() {
        int n = 4;
        List<GridWorld> fastA = new ArrayList<>();
        List<GridWorld> fastB = new ArrayList<>();
        List<Environment> generic = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fastA.add(EnvRegistry.make("grid/key-door-v1", 30));
            fastB.add(EnvRegistry.make("grid/key-door-v1", 30));
            generic.add(new Plain(EnvRegistry.make("grid/key-door-v1", 30)));
        }
        VectorEnv a = new VectorEnv(fastA, 9);
        VectorEnv b = new VectorEnv(fastB, 9);
        VectorEnv c = new VectorEnv(generic, 9);
        assertTrue(a.allocationFree());
        assertFalse(c.allocationFree());
        a.reset();
        b.reset();
        c.reset();
        SplittableRandom rng = new SplittableRandom(1);
        int[] actions = new int[n];
        for (int t = 0; t < 1500; t++) {
            for (int i = 0; i < n; i++) {
                actions[i] = rng.nextInt(4);
            }
            a.step(actions);
            b.step(actions);
            c.step(actions);
            for (VectorEnv other : new VectorEnv[] {b, c}) {
                assertArrayEquals(a.observations, other.observations);
                assertArrayEquals(a.rewards, other.rewards);
                assertArrayEquals(a.terminated, other.terminated);
                assertArrayEquals(a.truncated, other.truncated);
                assertArrayEquals(a.finalObservations, other.finalObservations);
                assertArrayEquals(a.episodeReturn, other.episodeReturn);
                assertArrayEquals(a.episodeLength, other.episodeLength);
            }
        }
        assertTrue(a.episodesFinished() >= 4 * 1500 / 30, "episodes finished: " + a.episodesFinished());
        assertEquals(a.episodesFinished(), c.episodesFinished());
    }

    @Test
    void episodeSeedsAreDerivedFromSeedIndexAndEpisode() {
        List<SeedRecorder> envs = List.of(new SeedRecorder(), new SeedRecorder(), new SeedRecorder());
        VectorEnv vec = new VectorEnv(envs, 77);
        vec.reset();
        for (int t = 0; t < 6; t++) {
            vec.step(new int[] {0, 0, 0});
        }
        Set<Long> all = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            List<Long> seeds = envs.get(i).seeds;
            assertEquals(4, seeds.size(), "one reset plus three auto-resets"); // episodes end every 2 steps
            for (int e = 0; e < seeds.size(); e++) {
                assertEquals(VectorEnv.episodeSeed(77, i, e), seeds.get(e));
            }
            all.addAll(seeds);
        }
        assertEquals(12, all.size(), "every episode gets its own seed");
        assertEquals(9, vec.episodesFinished());
        assertEquals(2, vec.episodeLength[0]);
        assertTrue(vec.terminated[0]);
        vec.reset();
        assertEquals(VectorEnv.episodeSeed(77, 0, 4), envs.get(0).seeds.get(4), "reset() takes the next number");
        assertFalse(vec.terminated[0]);
        assertEquals(0f, vec.rewards[0]);
        assertEquals(9, vec.episodesFinished(), "abandoned episodes are not counted");
        assertTrue(VectorEnv.episodeSeed(1, 0, 0) != VectorEnv.episodeSeed(2, 0, 0));
    }

    @Test
    void misuseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new VectorEnv(List.of(), 0));
        GridWorld one = EnvRegistry.make("grid/empty-8x8-v1");
        assertThrows(IllegalArgumentException.class, () -> new VectorEnv(List.of(one, one), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new VectorEnv(List.of(one, EnvRegistry.make("grid/four-rooms-v1")), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new VectorEnv(List.of(one, EnvRegistry.make("grid/empty-8x8-v1", 10)), 0));
        List<GridWorld> envs = corridors(2, 10);
        VectorEnv vec = new VectorEnv(envs, 0);
        assertThrows(IllegalStateException.class, () -> vec.step(new int[] {0, 0}));
        vec.reset();
        assertThrows(IllegalArgumentException.class, () -> vec.step(new int[] {0}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vec.step(new int[] {2, 4}));
        assertTrue(e.getMessage().startsWith("actions[1] = 4 is not legal"), e.getMessage());
        assertEquals(0, envs.get(0).stepsTaken(), "no copy is stepped when an action is illegal");
    }

    @Test
    void steppingDoesNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled());
        List<GridWorld> envs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            envs.add(EnvRegistry.make("grid/key-door-v1", 25));
        }
        VectorEnv vec = new VectorEnv(envs, 4);
        vec.reset();
        int[] actions = new int[8];
        long thread = Thread.currentThread().getId();
        for (int round = 0; round < 3; round++) { // the first rounds warm up the JIT
            long before = counter.getThreadAllocatedBytes(thread);
            for (int t = 0; t < 20_000; t++) {
                for (int i = 0; i < 8; i++) {
                    actions[i] = (t * 7 + i * 3 + (t >> 3)) & 3;
                }
                vec.step(actions);
            }
            long allocated = counter.getThreadAllocatedBytes(thread) - before;
            if (round == 2) {
                assertTrue(allocated < 20_000, "20000 vector steps allocated " + allocated + " bytes");
            }
        }
        assertTrue(vec.episodesFinished() > 1000);

        // The counter does see allocation: the generic path allocates a StepResult and an observation per step.
        List<Environment> plain = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            plain.add(new Plain(EnvRegistry.make("grid/key-door-v1", 25)));
        }
        VectorEnv generic = new VectorEnv(plain, 4);
        generic.reset();
        long before = counter.getThreadAllocatedBytes(thread);
        for (int t = 0; t < 1000; t++) {
            generic.step(actions);
        }
        long allocated = counter.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated > 8 * 1000 * 100, "the generic path allocated only " + allocated + " bytes");
    }

    /** Hides GridWorld's in-place stepping, to exercise VectorEnv's generic path. */
    private static final class Plain implements Environment {
        private final GridWorld env;

        Plain(GridWorld env) {
            this.env = env;
        }

        @Override
        public EnvSpec spec() {
            return env.spec();
        }

        @Override
        public float[] reset(long seed) {
            return env.reset(seed);
        }

        @Override
        public StepResult step(int action) {
            return env.step(action);
        }

        @Override
        public void observeInto(float[] buffer, int offset) {
            env.observeInto(buffer, offset);
        }

        @Override
        public String render() {
            return env.render();
        }
    }

    /** Episodes of two steps; records every reset seed. */
    private static final class SeedRecorder implements Environment {
        final List<Long> seeds = new ArrayList<>();
        private int steps;

        @Override
        public EnvSpec spec() {
            return new EnvSpec("test/seeds", new int[] {1}, List.of("noop"), 100);
        }

        @Override
        public float[] reset(long seed) {
            seeds.add(seed);
            steps = 0;
            return new float[] {0};
        }

        @Override
        public StepResult step(int action) {
            steps++;
            return new StepResult(new float[] {steps}, 1, 1, steps == 2, false);
        }

        @Override
        public void observeInto(float[] buffer, int offset) {
            buffer[offset] = steps;
        }

        @Override
        public String render() {
            return "steps " + steps + "\n";
        }
    }
}
