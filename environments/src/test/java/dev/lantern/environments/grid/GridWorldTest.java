package dev.lantern.environments.grid;

import static dev.lantern.environments.grid.GridWorld.ACTION_DOWN;
import static dev.lantern.environments.grid.GridWorld.ACTION_LEFT;
import static dev.lantern.environments.grid.GridWorld.ACTION_RIGHT;
import static dev.lantern.environments.grid.GridWorld.ACTION_UP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.api.StepResult;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The grid world's rules, observations and errors; {@link #world} is also a fixture for the solver tests. */
public class GridWorldTest {

    private static final double EPS = 1e-12;

    /** A world named {@code test} on map {@code text} (parsed as {@code test.txt}) with a time limit of {@code maxSteps}. */
    public static GridWorld world(String text, int maxSteps) {
        return new GridWorld("test", GridMapParser.parse("test.txt", text), maxSteps);
    }

    private static float at(float[] obs, GridWorld env, int channel, int row, int col) {
        int h = env.map().height();
        int w = env.map().width();
        return obs[channel * h * w + row * w + col];
    }

    @Test
    void specDescribesPlanesAndActions() {
        GridWorld env = world("S.G\n...\n", 50);
        assertArrayEquals(new int[] {7, 2, 3}, env.spec().observationShape());
        assertEquals(List.of("up", "down", "right", "left"), env.spec().actionLabels());
        assertEquals(50, env.spec().maxEpisodeSteps());
        assertEquals("test", env.spec().id());
        assertEquals(42, env.reset(0).length);
        assertEquals(GridMap.DEFAULT_TIME_LIMIT,
                new GridWorld("x", GridMapParser.parse("m", "SG")).spec().maxEpisodeSteps());
        assertThrows(IllegalArgumentException.class, () -> world("SG", 0));
    }

    @Test
    void movesInFourDirectionsAndBumpsIntoWallsAndTheEdge() {
        GridWorld env = world("#.#\n.S.\n#G#\n", 100);
        env.reset(1);
        assertEquals(new GridState(1, 1, 0), env.state());
        StepResult r = env.step(ACTION_UP);
        assertEquals(new GridState(0, 1, 0), env.state());
        assertEquals(-0.01, r.reward(), EPS);
        assertEquals(-0.01, r.performance(), EPS);
        assertFalse(r.done());
        env.step(ACTION_UP); // off the grid: a bump
        assertEquals(new GridState(0, 1, 0), env.state());
        r = env.step(ACTION_LEFT); // wall
        assertEquals(new GridState(0, 1, 0), env.state());
        assertEquals(-0.01, r.reward(), EPS);
        assertFalse(r.done());
        env.step(ACTION_DOWN);
        env.step(ACTION_LEFT);
        assertEquals(new GridState(1, 0, 0), env.state());
        env.step(ACTION_LEFT); // off the grid
        assertEquals(new GridState(1, 0, 0), env.state());
        env.step(ACTION_RIGHT);
        env.step(ACTION_RIGHT);
        assertEquals(new GridState(1, 2, 0), env.state());
        env.step(ACTION_RIGHT); // off the grid
        assertEquals(new GridState(1, 2, 0), env.state());
        assertEquals(9, env.stepsTaken());
    }

    @Test
    void keyIsPickedUpAndOpensTheDoorWithoutBeingUsedUp() {
        GridWorld env = world("kSDG\n", 100);
        env.reset(0);
        StepResult r = env.step(ACTION_RIGHT); // door, no key: blocked
        assertEquals(new GridState(0, 1, 0), env.state());
        assertEquals(-0.01, r.reward(), EPS);
        assertFalse(r.done());
        assertEquals(1f, at(r.observation(), env, GridChannels.KEY, 0, 0));
        assertEquals(0f, at(r.observation(), env, GridChannels.HOLDING_KEY, 0, 3));

        r = env.step(ACTION_LEFT); // pick up the key
        assertEquals(new GridState(0, 0, 1), env.state());
        assertTrue(env.state().holdsKey());
        assertEquals(-0.01, r.reward(), EPS);
        assertEquals(0f, at(r.observation(), env, GridChannels.KEY, 0, 0));
        for (int c = 0; c < 4; c++) {
            assertEquals(1f, at(r.observation(), env, GridChannels.HOLDING_KEY, 0, c));
        }
        assertEquals("ASDG\n", env.render());

        env.step(ACTION_RIGHT);
        assertEquals(".ADG\n", env.render());
        env.step(ACTION_RIGHT); // through the door
        assertEquals(new GridState(0, 2, 1), env.state());
        assertEquals(".SAG\n", env.render());
        env.step(ACTION_LEFT); // back out; the key is kept, the door still open
        env.step(ACTION_RIGHT);
        assertEquals(new GridState(0, 2, 1), env.state());
        r = env.step(ACTION_RIGHT);
        assertTrue(r.terminated());
        assertFalse(r.truncated());
        assertEquals(0.99, r.reward(), EPS);
        assertEquals(1f, at(r.observation(), env, GridChannels.AGENT, 0, 3));
        assertEquals(1f, at(r.observation(), env, GridChannels.GOAL, 0, 3));
    }

    @Test
    void goalAndLavaTerminateWithTheirRewards() {
        GridWorld env = world("LSG\n", 100);
        env.reset(0);
        StepResult r = env.step(ACTION_LEFT);
        assertEquals(-1.01, r.reward(), EPS);
        assertTrue(r.terminated());
        assertFalse(r.truncated());
        assertTrue(env.episodeOver());
        env.reset(0);
        r = env.step(ACTION_RIGHT);
        assertEquals(0.99, r.reward(), EPS);
        assertTrue(r.terminated());
        assertEquals(new GridState(0, 2, 0), env.state());
    }

    @Test
    void theStepReachingTheLimitIsTruncated() {
        GridWorld env = world("S..G\n", 3);
        env.reset(0);
        assertFalse(env.step(ACTION_LEFT).done());
        assertFalse(env.step(ACTION_LEFT).done());
        StepResult r = env.step(ACTION_RIGHT);
        assertTrue(r.truncated());
        assertFalse(r.terminated());
        assertEquals(3, env.stepsTaken());
        assertThrows(IllegalStateException.class, () -> env.step(ACTION_RIGHT));
    }

    @Test
    void terminatedWinsOverTruncatedOnTheSameStep() {
        GridWorld env = world("S.G\n", 2);
        env.reset(0);
        env.step(ACTION_RIGHT);
        StepResult r = env.step(ACTION_RIGHT);
        assertTrue(r.terminated());
        assertFalse(r.truncated());
    }

    @Test
    void illegalUseIsRejectedWithClearMessages() {
        GridWorld env = world("S.G\n", 10);
        IllegalStateException before = assertThrows(IllegalStateException.class, () -> env.step(ACTION_RIGHT));
        assertTrue(before.getMessage().contains("before reset"), before.getMessage());
        env.reset(0);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> env.step(4));
        assertEquals("action 4 is not legal: legal actions are 0..3 [up, down, right, left]", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(-1));
        assertEquals(0, env.stepsTaken());
        env.step(ACTION_RIGHT);
        env.step(ACTION_RIGHT);
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> env.step(ACTION_LEFT));
        assertTrue(after.getMessage().contains("ended at step 2 (terminated)"), after.getMessage());
        env.reset(0);
        assertEquals(new GridState(0, 0, 0), env.state());
        assertEquals(0, env.stepsTaken());
    }

    @Test
    void observationPlanesFollowTheChannelOrder() {
        GridWorld env = world("#SkDGL\n", 10);
        float[] obs = env.reset(0);
        float[] expected = new float[7 * 6];
        expected[0 * 6 + 0] = 1; // wall
        expected[1 * 6 + 1] = 1; // agent
        expected[2 * 6 + 4] = 1; // goal
        expected[3 * 6 + 5] = 1; // lava
        expected[4 * 6 + 2] = 1; // key
        expected[5 * 6 + 3] = 1; // door
        assertArrayEquals(expected, obs);
        float[] next = env.step(ACTION_RIGHT).observation();
        expected[1 * 6 + 1] = 0;
        expected[1 * 6 + 2] = 1;
        expected[4 * 6 + 2] = 0;
        for (int c = 0; c < 6; c++) {
            expected[6 * 6 + c] = 1;
        }
        assertArrayEquals(expected, next);
    }

    @Test
    void encodeAgreesWithObserveIntoAlongARandomWalk() {
        GridWorld env = EnvRegistry.make("grid/key-door-v1", 60);
        int size = env.spec().observationSize();
        float[] observed = new float[size + 5];
        float[] encoded = new float[size + 5];
        SplittableRandom rng = new SplittableRandom(3);
        env.reset(0);
        boolean sawKey = false;
        for (int i = 0; i < 2000; i++) {
            env.observeInto(observed, 5);
            env.encode(env.state(), encoded, 5);
            assertArrayEquals(observed, encoded, "at " + env.state());
            sawKey |= env.state().holdsKey();
            StepResult r = env.step(rng.nextInt(4));
            assertArrayEquals(r.observation(), observe(env));
            if (r.done()) {
                env.reset(i);
            }
        }
        assertTrue(sawKey, "the random walk never picked up the key; the test covers too little");
        assertThrows(IllegalArgumentException.class, () -> env.encode(new GridState(0, 0, 0), encoded, 0));
        assertThrows(IllegalArgumentException.class, () -> env.encode(new GridState(1, 1, 2), encoded, 0));
        assertThrows(IllegalArgumentException.class, () -> env.encode(new GridState(-1, 1, 0), encoded, 0));
    }

    private static float[] observe(GridWorld env) {
        float[] buf = new float[env.spec().observationSize()];
        env.observeInto(buf, 0);
        return buf;
    }

    @Test
    void freeCellsAreEveryNonWallCell() {
        GridWorld env = world("#SkD\nLG.#\n", 10);
        assertEquals(List.of(new Cell(0, 1), new Cell(0, 2), new Cell(0, 3), new Cell(1, 0), new Cell(1, 1),
                new Cell(1, 2)), env.freeCells());
        assertEquals(104, EnvRegistry.make("grid/four-rooms-v1").freeCells().size());
    }

    @Test
    void copyIsIndependent() {
        GridWorld env = world("kS.G\n", 10);
        env.reset(0);
        env.step(ACTION_LEFT);
        GridWorld copy = env.copy();
        assertEquals(env.state(), copy.state());
        assertEquals(env.stepsTaken(), copy.stepsTaken());
        assertEquals(env.render(), copy.render());
        copy.step(ACTION_RIGHT);
        assertEquals(new GridState(0, 0, 1), env.state());
        assertEquals(new GridState(0, 1, 1), copy.state());
        assertEquals(1, env.stepsTaken());
        assertNotEquals(env.render(), copy.render());
    }

    @Test
    void inPlaceSteppingMatchesStep() {
        GridWorld a = EnvRegistry.make("grid/four-rooms-v1", 40);
        GridWorld b = EnvRegistry.make("grid/four-rooms-v1", 40);
        SplittableRandom rng = new SplittableRandom(11);
        a.reset(0);
        b.resetInPlace(0);
        float[] obs = new float[a.spec().observationSize()];
        for (int i = 0; i < 300; i++) {
            int action = rng.nextInt(4);
            StepResult r = a.step(action);
            b.stepInPlace(action);
            b.observeInto(obs, 0);
            assertArrayEquals(r.observation(), obs);
            assertEquals(r.reward(), b.lastReward());
            assertEquals(r.performance(), b.lastPerformance());
            assertEquals(r.terminated(), b.lastTerminated());
            assertEquals(r.truncated(), b.lastTruncated());
            if (r.done()) {
                a.reset(i);
                b.resetInPlace(i);
                assertEquals(0.0, b.lastReward());
                assertFalse(b.lastTruncated());
            }
        }
    }

    @Test
    void renderOfAShortFourRoomsPlaythrough() {
        GridWorld env = EnvRegistry.make("grid/four-rooms-v1");
        env.reset(7);
        for (int a : new int[] {ACTION_DOWN, ACTION_DOWN, ACTION_RIGHT, ACTION_RIGHT, ACTION_RIGHT, ACTION_RIGHT,
                ACTION_RIGHT}) {
            env.step(a);
        }
        String map = EnvRegistry.map("grid/four-rooms-v1").text(); // pinned by EnvRegistryTest
        int agent = 3 * 14 + 6; // row 3, column 6 of the 13-wide map (14 characters a line)
        assertEquals(map.substring(0, agent) + "A" + map.substring(agent + 1), env.render(),
                "the map with A on the agent's cell and S on the start");
        assertEquals(new GridState(3, 6, 0), env.state());
    }
}
