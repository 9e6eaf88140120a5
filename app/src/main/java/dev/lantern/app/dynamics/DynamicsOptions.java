package dev.lantern.app.dynamics;

/**
 * {@code lantern dynamics}'s options that sections read.
 *
 * @param figures whether PNG figures are written beside {@code dynamics.json}
 * @param seed    the seed of every resampling a section does (bootstrap intervals), so the same runs give the same file
 */
public record DynamicsOptions(boolean figures, long seed) {

    /** The defaults: figures written, seed 0. */
    public static DynamicsOptions defaults() {
        return new DynamicsOptions(true, 0);
    }
}
