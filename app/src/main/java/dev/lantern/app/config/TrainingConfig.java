package dev.lantern.app.config;

/**
 * How long to train and what to record.
 *
 * @param totalEnvSteps             environment steps to collect (all copies together); default 80000
 * @param evalEpisodes              greedy evaluation episodes at the end of the run; default 10
 * @param checkpointEveryEnvSteps   write a checkpoint after the iteration that passes each multiple of this many
 *                                  environment steps (what {@code lantern resume} continues from), 0 = only at the end;
 *                                  default 20000
 * @param keepStates                keep the agent's and recorders' states ({@code agent.state},
 *                                  {@code recorders.state}) in every checkpoint, not only the newest, so that any
 *                                  checkpoint can be forked ({@code lantern fork}); costs their size per checkpoint
 *                                  (DQN's replay buffer is in {@code agent.state}); default false
 */
public record TrainingConfig(long totalEnvSteps, int evalEpisodes, long checkpointEveryEnvSteps, boolean keepStates) {

    /** A config that keeps the resume states in the newest checkpoint only ({@code keepStates} false). */
    public TrainingConfig(long totalEnvSteps, int evalEpisodes, long checkpointEveryEnvSteps) {
        this(totalEnvSteps, evalEpisodes, checkpointEveryEnvSteps, false);
    }

    /**
     * The largest budget accepted: 10^12 environment steps, far beyond any run on one machine (days at a million
     * steps a second), yet well inside a {@code long}, so that step counters and checkpoint arithmetic cannot wrap.
     */
    public static final long MAX_ENV_STEPS = 1_000_000_000_000L;


    /** The documented defaults. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(80_000L, 10, 20_000L, false);
    }
}
