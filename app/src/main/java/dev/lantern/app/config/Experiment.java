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

    /**
     * The default experiment with {@code agent}: every other field defaulted; the default LCA probe is cut to what the
     * learner keeps (e.g. an A2C rollout of 128), as for an experiment file that does not set {@code lca.probeSize}.
     */
    public static Experiment defaults(AgentConfig agent) {
        return new Experiment("experiment", 1L, EnvConfig.defaults(), agent, TrainingConfig.defaultsFor(agent),
                fitDefaultProbe(LcaSettings.defaults(), agent));
    }

    /** {@code lca} with its probe cut to {@code agent}'s probe limit where it exceeds it. */
    static LcaSettings fitDefaultProbe(LcaSettings lca, AgentConfig agent) {
        if (agent.probeLimit() > 0 && lca.probeSize() > agent.probeLimit()) {
            return new LcaSettings(lca.enabled(), (int) agent.probeLimit(), lca.errorThreshold(), lca.maxPieces(),
                    lca.perTerm());
        }
        return lca;
    }

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
                training.withTotalEnvSteps(steps), lca);
    }

    /** A copy with LCA switched on or off. */
    public Experiment withLca(boolean enabled) {
        return new Experiment(name, seed, env, agent, training,
                new LcaSettings(enabled, lca.probeSize(), lca.errorThreshold(), lca.maxPieces(), lca.perTerm()));
    }

    /** A copy with LCA split by loss term or not ({@code lca.perTerm}). */
    public Experiment withLcaPerTerm(boolean perTerm) {
        return new Experiment(name, seed, env, agent, training, lca.withPerTerm(perTerm));
    }

    /** A copy on another environment id. */
    public Experiment withEnvId(String id) {
        return new Experiment(name, seed, new EnvConfig(id, null, env.maxEpisodeSteps(), env.observation()),
                agent, training, lca);
    }
}
