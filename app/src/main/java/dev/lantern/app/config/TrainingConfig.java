package dev.lantern.app.config;

/**
 * How long to train and what to record.
 *
 * @param totalEnvSteps             environment steps to collect (all copies together); default 80000
 * @param evalEpisodes              greedy evaluation episodes at the end of the run; default 10
 * @param checkpointEveryIterations write a checkpoint every this many iterations (what {@code lantern resume} continues
 *                                  from), 0 = only at the end; default 10
 */
public record TrainingConfig(long totalEnvSteps, int evalEpisodes, int checkpointEveryIterations) {
}
