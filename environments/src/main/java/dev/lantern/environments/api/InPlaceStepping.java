package dev.lantern.environments.api;

/**
 * The optional ability to reset and step without allocating: the outcome of the last step stays in the
 * environment, readable through getters, and observations are read with {@link #observeInto(float[], int)}.
 *
 * <p>{@link VectorEnv} uses this path when every copy it holds offers it; training loops that step millions of
 * times should too. The semantics are exactly those of {@link #reset(long)} and {@link #step(int)}, including the
 * exceptions they throw.
 */
public interface InPlaceStepping extends Environment {

    /** Same as {@link #reset(long)} but returns nothing; read the first observation with {@code observeInto}. */
    void resetInPlace(long seed);

    /** {@inheritDoc} By {@link #resetInPlace}, then the first observation read into a new array. */
    @Override
    default float[] reset(long seed) {
        resetInPlace(seed);
        float[] obs = new float[spec().observationSize()];
        observeInto(obs, 0);
        return obs;
    }

    /**
     * Same as {@link #step(int)} but returns nothing; the outcome is readable through {@link #lastReward()},
     * {@link #lastPerformance()}, {@link #lastTerminated()} and {@link #lastTruncated()} until the next step or reset.
     *
     * @throws IllegalStateException if called before a reset or after the episode ended
     * @throws IllegalArgumentException if the action is outside {@code [0, actionCount)}
     */
    void stepInPlace(int action);

    /** The reward of the last step; 0 right after a reset. */
    double lastReward();

    /** The hidden performance increment of the last step (see {@link StepResult#performance()}); 0 after a reset. */
    double lastPerformance();

    /** Whether the last step reached a terminal state; false after a reset. */
    boolean lastTerminated();

    /** Whether the last step was cut by the time limit (and was not terminal); false after a reset. */
    boolean lastTruncated();
}
