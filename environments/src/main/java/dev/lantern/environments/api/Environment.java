package dev.lantern.environments.api;

/**
 * A single-agent, episodic environment in the Gymnasium shape: {@code reset(seed)}, then {@code step(action)}
 * until the result is {@code terminated} or {@code truncated}.
 *
 * <p>Actions are integers in {@code [0, spec().actionCount())}. Observations are flat {@code float[]} in the
 * layout given by {@link EnvSpec#observationShape()} (row-major, e.g. {@code [channels, height, width]}).
 * Implementations are not thread-safe; one thread owns an environment.
 */
public interface Environment {

    /** What this environment is: id, observation shape, action count and labels, time limit. */
    EnvSpec spec();

    /**
     * Starts a new episode.
     *
     * @param seed seeds every random choice of the episode; the same seed gives the same episode
     * @return the first observation, a fresh array the caller may keep
     */
    float[] reset(long seed);

    /**
     * Advances one step.
     *
     * @throws IllegalStateException if called before {@link #reset(long)} or after the episode ended
     * @throws IllegalArgumentException if the action is outside {@code [0, actionCount)}
     */
    StepResult step(int action);

    /**
     * Writes the current observation into {@code buffer} at {@code offset} without allocating.
     * Exactly {@code spec().observationSize()} floats are written.
     */
    void observeInto(float[] buffer, int offset);

    /** A human-readable picture of the current state (text, one line per row for grids); stable across versions. */
    String render();
}
