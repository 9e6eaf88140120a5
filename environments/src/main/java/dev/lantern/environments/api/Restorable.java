package dev.lantern.environments.api;

/**
 * An environment whose whole mid-episode state (position, inventory, step count, its random generator) can be saved
 * and put back, so that a training run killed in the middle of episodes resumes exactly where it stopped.
 *
 * <p>The state is an opaque array of longs (doubles as their raw bits) that only the same implementation, on the same
 * map, can read back. After {@link #restoreState(long[])} every later {@code step} and observation is what it would
 * have been in the environment that saved it.
 */
public interface Restorable {

    /** The complete current state, a fresh array. */
    long[] saveState();

    /**
     * Puts back a state from {@link #saveState()}.
     *
     * @throws IllegalArgumentException if {@code state} was not saved by an environment like this one
     */
    void restoreState(long[] state);
}
