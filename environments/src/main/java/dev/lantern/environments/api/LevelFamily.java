package dev.lantern.environments.api;

/**
 * An optional ability of an environment that plays a different level each episode (a procedural level family): each
 * reset draws a level of the {@link LevelSplit#TRAIN training split}, and any level of either split can be played on
 * its own, with its exact optimal return, so that an evaluation can compare training levels with held-out ones.
 *
 * <p>Levels are a pure function of (split, index): the same index always gives the same level, in every JVM. Every
 * level has the environment's observation shape, actions and time limit.
 */
public interface LevelFamily extends Environment {

    /** Levels in the training split, indices {@code 0 .. trainingLevels() - 1}; episodes are drawn from these. */
    int trainingLevels();

    /** The training level the current episode plays (training level 0 before the first reset). */
    int currentLevel();

    /**
     * A fresh environment that plays level {@code index} of {@code split} in every episode, with this environment's
     * observation and time limit (its spec equals this one's).
     *
     * @throws IllegalArgumentException if {@code index < 0}, or {@code >= trainingLevels()} for the training split
     */
    Environment level(LevelSplit split, int index);

    /**
     * The exact optimal expected undiscounted return of level {@code index} of {@code split} within the time limit
     * (the quantity {@code eval/return} measures); computed once per level and cached.
     *
     * @throws IllegalArgumentException as {@link #level(LevelSplit, int)}
     */
    double optimalReturn(LevelSplit split, int index);
}
