package dev.lantern.agents.train;

/**
 * How long and how a trainer runs.
 *
 * @param totalEnvSteps             stop once this many environment steps were collected (the iteration in progress
 *                                  completes)
 * @param checkpointEveryEnvSteps   write a checkpoint at the end of the first iteration that reaches each multiple of
 *                                  this many environment steps; 0 = only the final one
 * @param logEveryIterations        log a progress line (INFO) every this many iterations; 0 = never
 * @param evalEveryEnvSteps         evaluate greedily (the trainer's evaluator) at the end of the first iteration that
 *                                  reaches each multiple of this many environment steps; 0 = only the final
 *                                  evaluation ({@link EvaluationRecorder})
 * @param stopWhenSolved            end the loop (as completed) after the first evaluation that solves the world
 *                                  ({@link SolveCriterion}); the final evaluation and checkpoint follow as usual
 */
public record TrainerSettings(long totalEnvSteps, long checkpointEveryEnvSteps, int logEveryIterations,
        long evalEveryEnvSteps, boolean stopWhenSolved) {

    public TrainerSettings {
        if (totalEnvSteps < 0) {
            throw new IllegalArgumentException("totalEnvSteps must be >= 0, got " + totalEnvSteps);
        }
        if (checkpointEveryEnvSteps < 0 || logEveryIterations < 0 || evalEveryEnvSteps < 0) {
            throw new IllegalArgumentException("intervals must be >= 0, got checkpointEveryEnvSteps "
                    + checkpointEveryEnvSteps + ", logEveryIterations " + logEveryIterations + ", evalEveryEnvSteps "
                    + evalEveryEnvSteps);
        }
    }

    /** Settings with only the final evaluation and no early stop. */
    public TrainerSettings(long totalEnvSteps, long checkpointEveryEnvSteps, int logEveryIterations) {
        this(totalEnvSteps, checkpointEveryEnvSteps, logEveryIterations, 0, false);
    }
}
