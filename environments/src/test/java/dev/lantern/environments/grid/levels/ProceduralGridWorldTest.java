package dev.lantern.environments.grid.levels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.api.LevelSplit;
import dev.lantern.environments.api.StepResult;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.MazeGenerator;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.random.Rng;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProceduralGridWorldTest {

    private static final String ID15 = "grid/procedural-maze-15-v1";
    private static final String ID21 = "grid/procedural-maze-21-v1";

    @Test
    void levelsArePureFunctionsOfSplitAndIndexAndTheNamedLevelIsTrainingLevelZero() {
        MazeLevels a = new MazeLevels(ID15, 15, 15, 200);
        MazeLevels b = new MazeLevels(ID15, 15, 15, 200);
        for (LevelSplit split : LevelSplit.values()) {
            for (int i = 0; i < 10; i++) {
                assertEquals(a.map(split, i).text(), b.map(split, i).text(), split + " " + i);
                assertEquals(MazeGenerator.generate(15, 15, a.levelSeed(split, i)).text(), a.map(split, i).text());
            }
        }
        assertNotEquals(a.map(LevelSplit.TRAIN, 0).text(), a.map(LevelSplit.TRAIN, 1).text());
        assertEquals(EnvRegistry.levels(ID15).orElseThrow().map(LevelSplit.TRAIN, 0).text(),
                EnvRegistry.map(ID15).text());
        assertEquals(15, EnvRegistry.map(ID15).height());
        assertEquals(21, EnvRegistry.map(ID21).width());
        assertTrue(EnvRegistry.levels("grid/maze-11x11-train-v1").isEmpty());
    }

    @Test
    void noTestLevelEqualsATrainingLevelOfTheRegisteredFamilies() {
        for (String id : new String[] {ID15, ID21}) {
            MazeLevels levels = EnvRegistry.levels(id).orElseThrow();
            Set<String> train = new HashSet<>();
            for (int i = 0; i < levels.trainingLevels(); i++) {
                train.add(levels.map(LevelSplit.TRAIN, i).text());
            }
            assertEquals(levels.trainingLevels(), train.size(), id + ": training levels repeat");
            for (int j = 0; j < 200; j++) {
                assertFalse(train.contains(levels.map(LevelSplit.TEST, j).text()), id + " test level " + j);
            }
        }
    }

    @Test
    void testLevelsSkipMazesOfTheTrainingSplitWhereFewMazesExist() {
        // 9x9 (4x4 rooms): the depth-first carver makes only a few hundred distinct mazes (322 in 20000 seeds), so 40
        // training levels cover many and raw test seeds often repeat them.
        MazeLevels small = new MazeLevels("small", 9, 9, 40);
        Set<String> train = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            train.add(small.map(LevelSplit.TRAIN, i).text());
        }
        int rawRepeats = 0;
        long testStream = dev.lantern.environments.random.Seeds.derive(0L, small.streamName(LevelSplit.TEST));
        for (int j = 0; j < 200; j++) {
            assertFalse(train.contains(small.map(LevelSplit.TEST, j).text()), "test level " + j);
            long firstCandidate = Rng.nthLong(Rng.nthLong(testStream, j + 1L), 1L);
            rawRepeats += train.contains(MazeGenerator.generate(9, 9, firstCandidate).text()) ? 1 : 0;
        }
        assertTrue(rawRepeats > 5, "the fixture must make first candidates repeat training mazes, got " + rawRepeats);
        // 5x5 (2x2 rooms) has a handful of mazes; 100 training levels hold them all, so no test level can exist.
        MazeLevels tiny = new MazeLevels("tiny", 5, 5, 100);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tiny.map(LevelSplit.TEST, 0));
        assertTrue(e.getMessage().contains("equal training levels"), e.getMessage());
    }

    @Test
    void everyLevelIsSolvableAndItsOptimumIsTheShortestPath() {
        for (String id : new String[] {ID15, ID21}) {
            ProceduralGridWorld env = new ProceduralGridWorld(EnvRegistry.levels(id).orElseThrow(), 200);
            for (LevelSplit split : LevelSplit.values()) {
                for (int i = 0; i < 12; i++) {
                    GridWorld level = env.level(split, i);
                    double optimum = env.optimalReturn(split, i);
                    int path = shortestPath(level);
                    assertTrue(path > 0 && path < 200, id + " " + split + " " + i + ": path " + path);
                    assertEquals(1.0 - 0.01 * path, optimum, 1e-9, id + " " + split + " " + i);
                    assertEquals(optimum, ValueIteration.solve(level, 1.0).startValue(), 1e-9);
                }
            }
        }
    }

    @Test
    void eachResetPlaysTheTrainingLevelItsSeedPicks() {
        MazeLevels levels = EnvRegistry.levels(ID15).orElseThrow();
        ProceduralGridWorld env = new ProceduralGridWorld(levels, 200);
        Set<Integer> seen = new HashSet<>();
        for (long seed = 0; seed < 600; seed++) {
            float[] obs = env.reset(seed);
            int level = env.currentLevel();
            assertEquals(levels.levelOf(seed), level);
            assertTrue(level >= 0 && level < 200);
            seen.add(level);
            assertArrayEquals(env.level(LevelSplit.TRAIN, level).reset(seed), obs, "seed " + seed);
            assertEquals(env.level(LevelSplit.TEST, 3).spec(), env.spec());
        }
        assertTrue(seen.size() > 180, "600 resets should visit most of 200 levels, visited " + seen.size());
        assertArrayEquals(new int[] {7, 15, 15}, env.spec().observationShape());
        ProceduralGridWorld ego = new ProceduralGridWorld(levels, 96, GridObservation.egocentric(5));
        assertEquals(ego.spec(), ego.level(LevelSplit.TEST, 9).spec());
        assertEquals(96, levels.longestPath());
        assertEquals(198, EnvRegistry.levels(ID21).orElseThrow().longestPath());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProceduralGridWorld(levels, 95));
        assertTrue(e.getMessage().contains("unsolvable"), e.getMessage());
    }

    @Test
    void savedStateResumesTheSameLevelAtTheSameCell() {
        MazeLevels levels = EnvRegistry.levels(ID15).orElseThrow();
        ProceduralGridWorld a = new ProceduralGridWorld(levels, 200);
        Rng actions = new Rng(5);
        a.reset(41);
        for (int t = 0; t < 7; t++) {
            a.step(actions.nextInt(4));
        }
        long[] saved = a.saveState();
        ProceduralGridWorld b = new ProceduralGridWorld(levels, 200);
        b.reset(9); // another level
        assertNotEquals(a.currentLevel(), b.currentLevel());
        b.restoreState(saved);
        assertEquals(a.currentLevel(), b.currentLevel());
        assertEquals(a.render(), b.render());
        for (int t = 0; t < 30; t++) {
            int action = actions.nextInt(4);
            StepResult ra = a.step(action);
            StepResult rb = b.step(action);
            assertArrayEquals(ra.observation(), rb.observation());
            assertEquals(ra.reward(), rb.reward());
            if (ra.done()) {
                a.reset(t);
                b.reset(t);
            }
        }
        ProceduralGridWorld other = new ProceduralGridWorld(EnvRegistry.levels(ID21).orElseThrow(), 200);
        assertThrows(IllegalArgumentException.class, () -> other.restoreState(saved));
        long[] badLevel = saved.clone();
        badLevel[1] = 200;
        assertThrows(IllegalArgumentException.class, () -> b.restoreState(badLevel));
        long[] otherLevel = saved.clone();
        otherLevel[1] = (saved[1] + 1) % 200; // the level world's tag is of its own map
        assertThrows(IllegalArgumentException.class, () -> b.restoreState(otherLevel));
        assertThrows(IllegalArgumentException.class, () -> levels.map(LevelSplit.TRAIN, 200));
        assertTrue(Arrays.stream(saved).count() > 2);
    }

    /** Breadth-first search over the level's free cells from its start to its goal. */
    private static int shortestPath(GridWorld world) {
        var map = world.map();
        int h = map.height();
        int w = map.width();
        int[] dist = new int[h * w];
        Arrays.fill(dist, -1);
        int[] queue = new int[h * w];
        int head = 0;
        int tail = 0;
        int start = map.start().row() * w + map.start().col();
        dist[start] = 0;
        queue[tail++] = start;
        while (head < tail) {
            int c = queue[head++];
            if (map.symbol(c / w, c % w) == 'G') {
                return dist[c];
            }
            int[][] moves = {{-1, 0}, {1, 0}, {0, 1}, {0, -1}};
            for (int[] m : moves) {
                int r = c / w + m[0];
                int col = c % w + m[1];
                if (map.contains(r, col) && map.symbol(r, col) != '#' && dist[r * w + col] < 0) {
                    dist[r * w + col] = dist[c] + 1;
                    queue[tail++] = r * w + col;
                }
            }
        }
        return -1;
    }
}
