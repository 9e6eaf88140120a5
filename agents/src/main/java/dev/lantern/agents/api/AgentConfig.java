package dev.lantern.agents.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The hyperparameters of one kind of learning agent: a record whose components are its documented fields, with a
 * {@code defaults()} factory. Experiments name the kind in {@code agent.type} and override any field.
 */
public interface AgentConfig {

    /** The name experiments use in {@code agent.type} (e.g. {@code "ppo"}, {@code "dqn"}). */
    String type();

    /**
     * Checks every field and adds one message per problem, each naming its field under {@code path}
     * (e.g. {@code agent.learningRate: must be > 0, got -1}).
     */
    void validate(String path, List<String> problems);

    /**
     * Adds one line per value that is allowed but likely to make training diverge (a learning rate above 1), each
     * naming its field under {@code path}. Such values are warned about ({@code lantern run} prints them, the manifest
     * keeps them under {@code warnings}), never refused: a diverging run must stay reproducible.
     */
    default void warnings(String path, List<String> warnings) {
    }

    /**
     * Observation floats the agent keeps in memory at once (rollout or replay buffer) per float of one observation; the
     * engine refuses configurations whose buffers would not fit.
     */
    long bufferedObservations();

    /** The most transitions an LCA probe can hold: what one rollout or the replay buffer keeps. */
    default long probeLimit() {
        return bufferedObservations();
    }

    /**
     * The discount the agent learns with (its {@code gamma}), for analyses that compare its values with exact ones at
     * the same discount; empty for an agent without one (AlphaZero's games are undiscounted).
     */
    default OptionalDouble discount() {
        return OptionalDouble.empty();
    }

    /**
     * The trained run whose network this agent plans with ({@code RUN-DIR} or {@code RUN-DIR@STEP}), for whoever
     * assembles the run to read it and hand it over as {@link LearnerContext#planningNetwork()}; empty for most agents.
     */
    default Optional<String> planningNetwork() {
        return Optional.empty();
    }
}
