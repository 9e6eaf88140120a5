package dev.lantern.environments.grid.levels;

import dev.lantern.environments.api.EnvSpec;
import dev.lantern.environments.api.InPlaceStepping;
import dev.lantern.environments.api.LevelFamily;
import dev.lantern.environments.api.LevelSplit;
import dev.lantern.environments.api.Restorable;
import dev.lantern.environments.api.StepResult;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import java.util.Arrays;
import java.util.Objects;

/**
 * A grid world that plays a fresh level of a {@link MazeLevels} family at every reset: the episode seed picks the
 * training level ({@link MazeLevels#levelOf(long)}) and then seeds that level's world, so the same seeds give the same
 * levels and episodes. Actions, rewards, termination and truncation are those of {@link GridWorld} on the level in play;
 * every level has the same size, so the observation shape is fixed per id.
 *
 * <p>The level in play is part of the saved state ({@link #saveState()}: the level index, then the level world's own
 * state), so a run killed mid-episode resumes on the same maze at the same cell. Each level's world is made once per
 * instance and kept (a copy of the family's shared template), so resets and steps do not allocate once every level
 * was played. Not thread-safe.
 */
public final class ProceduralGridWorld implements InPlaceStepping, Restorable, LevelFamily {

    private final MazeLevels levels;
    private final int maxEpisodeSteps;
    private final GridObservation observation;
    private final EnvSpec spec;
    private final GridWorld[] worlds;
    private int level;
    private GridWorld current;

    /** A family's worlds with one-hot observations; the time limit as below. */
    public ProceduralGridWorld(MazeLevels levels, int maxEpisodeSteps) {
        this(levels, maxEpisodeSteps, GridObservation.oneHot());
    }

    /**
     * A family's worlds seen through {@code observation}.
     *
     * @param maxEpisodeSteps the time limit, at least {@link MazeLevels#longestPath()} so that every level is solvable
     * @throws IllegalArgumentException if the time limit is shorter than the family's longest path
     */
    public ProceduralGridWorld(MazeLevels levels, int maxEpisodeSteps, GridObservation observation) {
        this.levels = Objects.requireNonNull(levels, "levels");
        if (maxEpisodeSteps < levels.longestPath()) {
            throw new IllegalArgumentException("a time limit of " + maxEpisodeSteps + " steps leaves some levels of "
                    + levels.id() + " unsolvable: its mazes' shortest paths reach " + levels.longestPath() + " steps");
        }
        this.observation = Objects.requireNonNull(observation, "observation");
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.worlds = new GridWorld[levels.trainingLevels()];
        this.current = world(0);
        this.spec = current.spec();
    }

    /** The family the levels come from. */
    public MazeLevels levels() {
        return levels;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public int trainingLevels() {
        return levels.trainingLevels();
    }

    @Override
    public int currentLevel() {
        return level;
    }

    /** The world of the level in play, for reading (rendering, its map); stepping it directly is not allowed. */
    public GridWorld currentWorld() {
        return current;
    }

    @Override
    public GridWorld level(LevelSplit split, int index) {
        return levels.world(split, index, maxEpisodeSteps, observation);
    }

    @Override
    public double optimalReturn(LevelSplit split, int index) {
        return levels.optimalReturn(split, index, maxEpisodeSteps);
    }

    /** {@inheritDoc} The seed picks the training level, then seeds that level's world. */
    @Override
    public void resetInPlace(long seed) {
        level = levels.levelOf(seed);
        current = world(level);
        current.resetInPlace(seed);
    }

    @Override
    public StepResult step(int action) {
        return current.step(action);
    }

    @Override
    public void stepInPlace(int action) {
        current.stepInPlace(action);
    }

    @Override
    public double lastReward() {
        return current.lastReward();
    }

    @Override
    public double lastPerformance() {
        return current.lastPerformance();
    }

    @Override
    public boolean lastTerminated() {
        return current.lastTerminated();
    }

    @Override
    public boolean lastTruncated() {
        return current.lastTruncated();
    }

    @Override
    public void observeInto(float[] buffer, int offset) {
        current.observeInto(buffer, offset);
    }

    /** {@inheritDoc} The level in play, as {@link GridWorld#render()} draws it. */
    @Override
    public String render() {
        return current.render();
    }

    /** {@inheritDoc} A tag of the family, the training level in play, then that level's world state. */
    @Override
    public long[] saveState() {
        long[] inner = current.saveState();
        long[] out = new long[2 + inner.length];
        out[0] = stateTag();
        out[1] = level;
        System.arraycopy(inner, 0, out, 2, inner.length);
        return out;
    }

    @Override
    public void restoreState(long[] state) {
        Objects.requireNonNull(state, "state");
        if (state.length < 2 || state[0] != stateTag()) {
            throw new IllegalArgumentException("saved state does not belong to the level family " + levels
                    + " with time limit " + maxEpisodeSteps + " (" + state.length + " values)");
        }
        if (state[1] < 0 || state[1] >= worlds.length) {
            throw new IllegalArgumentException("saved state plays training level " + state[1] + " of " + levels.id()
                    + ", which has levels 0.." + (worlds.length - 1));
        }
        GridWorld w = world((int) state[1]);
        w.restoreState(Arrays.copyOfRange(state, 2, state.length)); // checks the level's own tag first
        level = (int) state[1];
        current = w;
    }

    @Override
    public String toString() {
        return "ProceduralGridWorld[" + levels.id() + ", training level " + level + ", " + current.state() + ", step "
                + current.stepsTaken() + "/" + maxEpisodeSteps + "]";
    }

    private GridWorld world(int index) {
        GridWorld w = worlds[index];
        if (w == null) {
            w = levels.world(LevelSplit.TRAIN, index, maxEpisodeSteps, observation);
            worlds[index] = w;
        }
        return w;
    }

    private long stateTag() {
        return 0x50524f43L ^ ((long) levels.height() << 48) ^ ((long) levels.width() << 32)
                ^ ((long) levels.trainingLevels() << 16) ^ levels.id().hashCode();
    }
}
