package dev.lantern.environments.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.VectorEnv;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Saving a world (or a vector of worlds) mid-episode and restoring it into a fresh one continues identically. */
class RestorableTest {

    @ParameterizedTest
    @ValueSource(strings = {"grid/frozen-lake-4x4-v1", "grid/absent-supervisor-v1", "grid/key-door-v1",
        "grid/side-effects-v1"})
    void aRestoredVectorEnvContinuesExactlyAsTheOriginal(String id) {
        VectorEnv a = vector(id);
        VectorEnv b = vector(id);
        a.reset();
        SplittableRandom actions = new SplittableRandom(5);
        int[] acts = new int[a.size()];
        for (int t = 0; t < 137; t++) {
            fill(acts, actions);
            a.step(acts);
        }
        b.reset();
        b.restoreState(a.saveState());
        assertArrayEquals(a.observations, b.observations);
        for (int t = 0; t < 400; t++) {
            fill(acts, actions);
            a.step(acts);
            b.step(acts);
            assertArrayEquals(a.observations, b.observations, "step " + t);
            assertArrayEquals(a.rewards, b.rewards);
            assertEquals(java.util.Arrays.toString(a.terminated), java.util.Arrays.toString(b.terminated));
            assertEquals(java.util.Arrays.toString(a.truncated), java.util.Arrays.toString(b.truncated));
            for (int i = 0; i < a.size(); i++) {
                if (a.terminated[i] || a.truncated[i]) { // the other entries hold stale data by contract
                    assertEquals(a.episodeReturn[i], b.episodeReturn[i]);
                    assertEquals(a.episodeLength[i], b.episodeLength[i]);
                }
            }
        }
        assertEquals(a.episodesFinished(), b.episodesFinished());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.env(i).render(), b.env(i).render());
        }
    }

    @Test
    void aStateFromAnotherMapOrTimeLimitIsRejected() {
        GridWorld fourRooms = new GridWorld("a", EnvRegistry.map("grid/four-rooms-v1"), 100);
        fourRooms.reset(1);
        long[] state = fourRooms.saveState();
        GridWorld other = new GridWorld("b", EnvRegistry.map("grid/key-door-v1"), 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.restoreState(state));
        assertEquals(true, e.getMessage().contains("does not belong to b"), e.getMessage());
        GridWorld shorter = new GridWorld("a", EnvRegistry.map("grid/four-rooms-v1"), 50);
        assertThrows(IllegalArgumentException.class, () -> shorter.restoreState(state));
        VectorEnv v = vector("grid/key-door-v1");
        v.reset();
        long[] vs = v.saveState();
        assertThrows(IllegalArgumentException.class,
                () -> new VectorEnv(copies("grid/key-door-v1").subList(0, 1), 99).restoreState(vs));
        assertThrows(IllegalArgumentException.class,
                () -> vector("grid/key-door-v1").restoreState(java.util.Arrays.copyOf(vs, vs.length - 2)));
    }

    @Test
    void aReseededVectorsStateCarriesItsSeedIntoAFreshOne() {
        VectorEnv a = vector("grid/four-rooms-v1");
        a.reset();
        int[] acts = new int[a.size()];
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 150; t++) {
            fill(acts, r);
            a.step(acts);
        }
        a.reseed(4242);
        VectorEnv b = vector("grid/four-rooms-v1");
        b.reset();
        b.restoreState(a.saveState());
        assertEquals(4242, b.seed(), "the saved seed is adopted");
        assertArrayEquals(a.saveState(), b.saveState());
        for (int t = 0; t < 400; t++) {
            fill(acts, r);
            a.step(acts);
            b.step(acts);
            assertArrayEquals(a.observations, b.observations, "step " + t);
        }
        assertArrayEquals(a.saveState(), b.saveState());
    }

    private static void fill(int[] acts, SplittableRandom r) {
        for (int i = 0; i < acts.length; i++) {
            acts[i] = r.nextInt(4);
        }
    }

    private static VectorEnv vector(String id) {
        return new VectorEnv(copies(id), 17);
    }

    private static List<Environment> copies(String id) {
        List<Environment> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(new GridWorld(id, EnvRegistry.map(id), 30));
        }
        return list;
    }
}
