package dev.lantern.environments.grid.levels;

import dev.lantern.environments.api.LevelSplit;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.MazeGenerator;
import dev.lantern.environments.grid.solve.FiniteHorizon;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.random.Rng;
import dev.lantern.environments.random.Seeds;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A family of seeded random mazes ({@link MazeGenerator}) of one odd size with a finite training split and an unbounded,
 * held-out test split. Immutable in what it defines; thread-safe (levels and optima are computed once and cached).
 *
 * <p><b>Levels.</b> Each split has its own named seed stream, {@code Seeds.derive(0, "levels/maze-<h>x<w>/<split>")}
 * (independent of any run seed: a level is the same in every run). Training level {@code i < trainingLevels} is the
 * maze of level seed {@code Rng.nthLong(Rng.nthLong(trainStream, i + 1), 1)}. Test level {@code j} is the maze of
 * {@code Rng.nthLong(Rng.nthLong(testStream, j + 1), a + 1)} for the first attempt {@code a = 0, 1, ...} whose maze
 * equals no training level, so the splits are disjoint by construction (a repeat is astronomically rare for the
 * registered sizes; {@link #MAX_ATTEMPTS} bounds the search).
 *
 * <p><b>Episodes.</b> An episode reset with seed {@code s} plays training level
 * {@code Long.remainderUnsigned(Seeds.mix(s), trainingLevels)} ({@link #levelOf(long)}).
 */
public final class MazeLevels {

    /** The most level seeds tried for one test level before giving up (never reached for the registered sizes). */
    public static final int MAX_ATTEMPTS = 64;

    private final String id;
    private final int height;
    private final int width;
    private final int trainingLevels;
    private final long trainStream;
    private final long testStream;
    private final Map<Integer, GridMap> train = new ConcurrentHashMap<>();
    private final Map<Integer, GridMap> test = new ConcurrentHashMap<>();
    private final Map<String, Double> optima = new ConcurrentHashMap<>();
    private final Map<String, GridWorld> templates = new ConcurrentHashMap<>();
    private volatile Set<String> trainingTexts;

    /**
     * @param id             the environment id the levels are played under, e.g. {@code grid/procedural-maze-15-v1}
     * @param height         odd, at least 5 (outer walls included)
     * @param width          odd, at least 5
     * @param trainingLevels levels in the training split, at least 1
     * @throws IllegalArgumentException if a size is even or below 5, or {@code trainingLevels < 1}
     */
    public MazeLevels(String id, int height, int width, int trainingLevels) {
        this.id = Objects.requireNonNull(id, "id");
        if (height < 5 || width < 5 || height % 2 == 0 || width % 2 == 0) {
            throw new IllegalArgumentException("maze sizes must be odd and >= 5, got " + height + "x" + width);
        }
        if (trainingLevels < 1) {
            throw new IllegalArgumentException("trainingLevels must be >= 1, got " + trainingLevels);
        }
        this.height = height;
        this.width = width;
        this.trainingLevels = trainingLevels;
        this.trainStream = Seeds.derive(0L, streamName(LevelSplit.TRAIN));
        this.testStream = Seeds.derive(0L, streamName(LevelSplit.TEST));
    }

    /** The environment id the levels are played under. */
    public String id() {
        return id;
    }

    /** Rows of every level, outer walls included. */
    public int height() {
        return height;
    }

    /** Columns of every level, outer walls included. */
    public int width() {
        return width;
    }

    /** Levels in the training split. */
    public int trainingLevels() {
        return trainingLevels;
    }

    /**
     * The longest shortest path any maze of this size can have, in steps: {@code 2 R - 2} for {@code R} rooms (a path
     * through every room and the wall gap between each two). A time limit at least this long makes every level
     * solvable (96 for 15x15, 198 for 21x21).
     */
    public int longestPath() {
        return 2 * (height / 2) * (width / 2) - 2;
    }

    /** The name of a split's seed stream: {@code levels/maze-<height>x<width>/<split>}. */
    public String streamName(LevelSplit split) {
        return "levels/maze-" + height + "x" + width + "/" + split.label();
    }

    /** The training level an episode reset with {@code episodeSeed} plays. */
    public int levelOf(long episodeSeed) {
        return (int) Long.remainderUnsigned(Seeds.mix(episodeSeed), trainingLevels);
    }

    /**
     * The level seed ({@link MazeGenerator#generate}) of level {@code index} of {@code split}.
     *
     * @throws IllegalArgumentException if the index is negative, or past the training split
     */
    public long levelSeed(LevelSplit split, int index) {
        checkIndex(split, index);
        if (split == LevelSplit.TRAIN) {
            return candidate(trainStream, index, 0);
        }
        Set<String> known = trainingTexts();
        for (int a = 0; a < MAX_ATTEMPTS; a++) {
            long seed = candidate(testStream, index, a);
            if (!known.contains(MazeGenerator.generate(height, width, seed).text())) {
                return seed;
            }
        }
        throw new IllegalStateException("test level " + index + " of " + id + ": " + MAX_ATTEMPTS
                + " candidate mazes all equal training levels (too few distinct " + height + "x" + width + " mazes)");
    }

    /**
     * The map of level {@code index} of {@code split} (generated once, then cached).
     *
     * @throws IllegalArgumentException as {@link #levelSeed(LevelSplit, int)}
     */
    public GridMap map(LevelSplit split, int index) {
        checkIndex(split, index);
        Map<Integer, GridMap> cache = split == LevelSplit.TRAIN ? train : test;
        return cache.computeIfAbsent(index, i -> MazeGenerator.generate(height, width, levelSeed(split, i)));
    }

    /**
     * The exact optimal expected undiscounted return of a level within {@code maxEpisodeSteps} ({@link FiniteHorizon}),
     * computed once per (split, index, time limit) and cached.
     *
     * @throws IllegalArgumentException as {@link #levelSeed(LevelSplit, int)}, or if the time limit is not positive
     */
    public double optimalReturn(LevelSplit split, int index, int maxEpisodeSteps) {
        GridMap map = map(split, index);
        return optima.computeIfAbsent(split.label() + "/" + index + "/" + maxEpisodeSteps, k -> {
            OptimalReturn o = FiniteHorizon.solve(new GridWorld(id, map, maxEpisodeSteps));
            if (!o.known()) {
                throw new IllegalStateException(split.label() + " level " + index + " of " + id + ": " + o.describe());
            }
            return o.value();
        });
    }

    /**
     * A fresh world that plays level {@code index} of {@code split}: a copy of a template built once per (level, time
     * limit, observation), so worlds of one level share their map's tables and a copy costs a few fields.
     *
     * @throws IllegalArgumentException as {@link #levelSeed(LevelSplit, int)}, or if the time limit is not positive
     */
    public GridWorld world(LevelSplit split, int index, int maxEpisodeSteps, GridObservation observation) {
        GridMap map = map(split, index);
        Objects.requireNonNull(observation, "observation");
        return templates.computeIfAbsent(split.label() + "/" + index + "/" + maxEpisodeSteps + "/" + observation,
                k -> new GridWorld(id, map, maxEpisodeSteps, observation)).copy();
    }

    private static long candidate(long stream, int index, int attempt) {
        return Rng.nthLong(Rng.nthLong(stream, index + 1L), attempt + 1L);
    }

    /** The rows of every training level, for keeping the test split disjoint. */
    private Set<String> trainingTexts() {
        Set<String> t = trainingTexts;
        if (t == null) {
            Set<String> all = new HashSet<>();
            for (int i = 0; i < trainingLevels; i++) {
                all.add(map(LevelSplit.TRAIN, i).text());
            }
            t = Set.copyOf(all);
            trainingTexts = t;
        }
        return t;
    }

    private void checkIndex(LevelSplit split, int index) {
        Objects.requireNonNull(split, "split");
        if (index < 0 || (split == LevelSplit.TRAIN && index >= trainingLevels)) {
            throw new IllegalArgumentException(split.label() + " level " + index + " of " + id + " does not exist"
                    + (split == LevelSplit.TRAIN ? " (training levels: 0.." + (trainingLevels - 1) + ")"
                            : " (test levels: any index >= 0)"));
        }
    }

    @Override
    public String toString() {
        return "MazeLevels[" + id + ", " + height + "x" + width + ", " + trainingLevels + " training levels]";
    }
}
