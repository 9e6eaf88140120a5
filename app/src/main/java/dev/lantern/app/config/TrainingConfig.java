package dev.lantern.app.config;

/**
 * How long to train and what to record.
 *
 * @param totalEnvSteps             environment steps to collect (all copies together); default 80000
 * @param evalEpisodes              greedy evaluation episodes per evaluation; default 10
 * @param checkpointEveryEnvSteps   write a checkpoint after the iteration that passes each multiple of this many
 *                                  environment steps (what {@code lantern resume} continues from), 0 = only at the end;
 *                                  default 20000
 * @param evalEveryEnvSteps         evaluate greedily ({@code eval/*}) after the iteration that passes each multiple of
 *                                  this many environment steps, 0 = only at the end; default 5000
 * @param stopWhenSolved            stop training (as completed) at the first evaluation that solves the world (success
 *                                  rate 1 and return within 5% of the exact optimum); default false
 */
public record TrainingConfig(long totalEnvSteps, int evalEpisodes, long checkpointEveryEnvSteps,
        long evalEveryEnvSteps, boolean stopWhenSolved) {

    /**
     * The largest budget accepted: 10^12 environment steps, far beyond any run on one machine (days at a million
     * steps a second), yet well inside a {@code long}, so that step counters and checkpoint arithmetic cannot wrap.
     */
    public static final long MAX_ENV_STEPS = 1_000_000_000_000L;


    /** The documented defaults. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(80_000L, 10, 20_000L, 5_000L, false);
    }

    /** A copy with another step budget. */
    public TrainingConfig withTotalEnvSteps(long steps) {
        return new TrainingConfig(steps, evalEpisodes, checkpointEveryEnvSteps, evalEveryEnvSteps, stopWhenSolved);
    }
}
