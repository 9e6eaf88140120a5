package dev.lantern.agents.api;

import java.util.Map;

/**
 * One kind of learner, as experiments name it in {@code agent.type}: its config record with defaults and validation,
 * what it trains on, how its buffers are named in messages, how it is created and how it is evaluated once training
 * ends. Each learner's package implements one; {@code dev.lantern.agents.registry.Learners} lists them, and nothing
 * outside {@code agents} names a concrete learner.
 *
 * @param <C> the config record; its components are the JSON fields of {@code agent}
 */
public interface AgentKind<C extends Record & AgentConfig> {

    /** The name experiments use in {@code agent.type}; the same as {@code defaults().type()}. */
    default String type() {
        return defaults().type();
    }

    /** The config record's class. */
    Class<C> configType();

    /** The hyperparameters every absent field takes (each documented on the record's component). */
    C defaults();

    /** What the learner trains on. */
    TrainsOn trainsOn();

    /** How memory and probe messages name the learner's buffer. */
    BufferFields bufferFields();

    /**
     * Creates the learner, untrained, with every stream seeded from the run seed.
     *
     * @throws IllegalArgumentException if the config is invalid or the context does not give what the learner trains on
     */
    LearningAgent create(C config, LearnerContext context);

    /**
     * Measures a frozen snapshot once training ends: greedy episodes on a grid world, matches against fixed opponents
     * for a game. The metrics ({@code eval/...}) in the order they are reported.
     *
     * @param snapshot a frozen view of the agent created by {@link #create} with the same config and context
     */
    Map<String, Double> evaluate(C config, LearnerContext context, PolicyValueView snapshot);
}
