package dev.lantern.agents.train;

/**
 * How long and how a trainer runs.
 *
 * @param totalEnvSteps             stop once this many environment steps were collected (the iteration in progress
 *                                  completes)
 * @param checkpointEveryEnvSteps   write a checkpoint at the end of the first iteration that reaches each multiple of
 *                                  this many environment steps; 0 = only the final one
 * @param logEveryIterations        log a progress line (INFO) every this many iterations; 0 = never
 */
public record TrainerSettings(long totalEnvSteps, long checkpointEveryEnvSteps, int logEveryIterations) {

    public TrainerSettings {
        if (totalEnvSteps < 0) {
            throw new IllegalArgumentException("totalEnvSteps must be >= 0, got " + totalEnvSteps);
        }
        if (checkpointEveryEnvSteps < 0 || logEveryIterations < 0) {
            throw new IllegalArgumentException("intervals must be >= 0");
        }
    }
}
