package dev.lantern.app.config;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.TrainsOn;
import dev.lantern.agents.registry.Learners;

/**
 * How long to train and what to record.
 *
 * @param totalEnvSteps             environment steps to collect (all copies together); default 80000
 * @param evalEpisodes              greedy evaluation episodes per evaluation; default 10
 * @param checkpointEveryEnvSteps   write a checkpoint after the iteration that passes each multiple of this many
 *                                  environment steps (what {@code lantern resume} continues from), 0 = only at the end;
 *                                  default 20000
 * @param keepStates                keep the agent's and recorders' states ({@code agent.state},
 *                                  {@code recorders.state}) in every checkpoint, not only the newest, so that any
 *                                  checkpoint can be forked ({@code lantern fork}); costs their size per checkpoint
 *                                  (DQN's replay buffer is in {@code agent.state}); default false
 * @param evalEveryEnvSteps         evaluate greedily ({@code eval/*}) after the iteration that passes each multiple of
 *                                  this many environment steps, 0 = only at the end; default 5000 (for a game learner
 *                                  0, {@link #defaultsFor})
 * @param stopWhenSolved            stop training (as completed) at the first evaluation that solves the world (success
 *                                  rate 1 and return within 5% of the exact optimum); default false
 */
public record TrainingConfig(long totalEnvSteps, int evalEpisodes, long checkpointEveryEnvSteps, boolean keepStates,
        long evalEveryEnvSteps, boolean stopWhenSolved) {

    /**
     * The largest budget accepted: 10^12 environment steps, far beyond any run on one machine (days at a million
     * steps a second), yet well inside a {@code long}, so that step counters and checkpoint arithmetic cannot wrap.
     */
    public static final long MAX_ENV_STEPS = 1_000_000_000_000L;


    /** The documented defaults. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(80_000L, 10, 20_000L, false, 5_000L, false);
    }

    /**
     * The defaults for {@code agent}'s learner: {@link #defaults()}, except that a learner that trains on board games
     * does not evaluate during training ({@code evalEveryEnvSteps} 0), since its evaluation is a set of matches that
     * can cost more than the training between two evaluations (the tic-tac-toe example's 300 games take about half a
     * minute).
     */
    public static TrainingConfig defaultsFor(AgentConfig agent) {
        TrainingConfig d = defaults();
        return Learners.of(agent).trainsOn() != TrainsOn.BOARD_GAMES ? d : new TrainingConfig(d.totalEnvSteps(),
                d.evalEpisodes(), d.checkpointEveryEnvSteps(), d.keepStates(), 0, d.stopWhenSolved());
    }

    /** A copy with another step budget. */
    public TrainingConfig withTotalEnvSteps(long steps) {
        return new TrainingConfig(steps, evalEpisodes, checkpointEveryEnvSteps, keepStates, evalEveryEnvSteps,
                stopWhenSolved);
    }
}
