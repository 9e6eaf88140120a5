package dev.lantern.app.config;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.analysis.lca.LcaSettings;

/**
 * One experiment, completely described (DESIGN.md, "Configuration"): read from JSON by {@link ExperimentLoader},
 * every field defaulted and validated. {@code config.json} in a run directory is this, fully resolved.
 *
 * @param name      a short name, used for the default run directory {@code runs/<name>-<time>}; default "experiment"
 * @param seed      the run seed; every component's seed is derived from it by name; default 1
 * @param env       the environment
 * @param agent     the learner ({@code agent.type}) and its hyperparameters
 * @param training  budget and recording
 * @param lca       loss change allocation
 */
public record Experiment(String name, long seed, EnvConfig env, AgentConfig agent,
        TrainingConfig training, LcaSettings lca) {

    /** The learner's name ({@code agent.type}). */
    public String agentType() {
        return agent.type();
    }

    /** A copy with another seed. */
    public Experiment withSeed(long newSeed) {
        return new Experiment(name, newSeed, env, agent, training, lca);
    }

    /** A copy with another step budget. */
    public Experiment withTotalEnvSteps(long steps) {
        return new Experiment(name, seed, env, agent,
                new TrainingConfig(steps, training.evalEpisodes(), training.checkpointEveryEnvSteps()), lca);
    }

    /** A copy with LCA switched on or off. */
    public Experiment withLca(boolean enabled) {
        return new Experiment(name, seed, env, agent, training,
                new LcaSettings(enabled, lca.probeSize(), lca.errorThreshold(), lca.maxPieces()));
    }

    /** A copy on another environment id. */
    public Experiment withEnvId(String id) {
        return new Experiment(name, seed, new EnvConfig(id, null, env.maxEpisodeSteps(), env.observation()),
                agent, training, lca);
    }
}
