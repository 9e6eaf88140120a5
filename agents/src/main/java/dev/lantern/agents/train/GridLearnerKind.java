package dev.lantern.agents.train;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.AgentKind;
import dev.lantern.agents.api.BufferFields;
import dev.lantern.agents.api.LearnerContext;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.TrainsOn;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.LevelFamily;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The kind of a learner that trains on grid worlds and is evaluated by {@link GreedyEvaluator} episodes (seeded from
 * the run seed's {@code eval} stream): what PPO, A2C, DQN and the tabular learner share. A subclass gives its config
 * record, its defaults, its buffer's wording and how an agent is made.
 *
 * @param <C> the config record
 */
public abstract class GridLearnerKind<C extends Record & AgentConfig> implements AgentKind<C> {

    /** Makes an untrained grid learner; the signature of the learners' static {@code create} methods. */
    @FunctionalInterface
    public interface Factory<C> {
        /**
         * @param config        hyperparameters
         * @param envFactory    makes the environments trained on
         * @param runSeed       the run seed the learner's streams are derived from
         * @param totalEnvSteps the training budget in environment steps
         * @param probeSize     states in the LCA probe, 0 without LCA
         * @param dataType      the network's floating-point type
         */
        LearningAgent create(C config, Supplier<? extends Environment> envFactory, long runSeed, long totalEnvSteps,
                int probeSize, DataType dataType);
    }

    private final Class<C> configType;
    private final C defaults;
    private final BufferFields bufferFields;
    private final Factory<C> factory;
    private final ContextFactory<C> contextFactory;

    /** Makes a grid learner from the whole context (for one that needs more than {@link Factory}'s fields). */
    @FunctionalInterface
    public interface ContextFactory<C> {
        /** A learner of {@code config} from the context {@code c}, which trains on a grid world. */
        LearningAgent create(C config, LearnerContext c);
    }

    /**
     * @param configType   the config record's class
     * @param defaults     the config every absent field defaults to
     * @param bufferFields how messages name the learner's buffer
     * @param factory      makes the agent from a context's fields
     */
    protected GridLearnerKind(Class<C> configType, C defaults, BufferFields bufferFields, Factory<C> factory) {
        this.configType = configType;
        this.defaults = defaults;
        this.bufferFields = bufferFields;
        this.factory = factory;
        this.contextFactory = null;
    }

    /**
     * @param configType     the config record's class
     * @param defaults       the config every absent field defaults to
     * @param bufferFields   how messages name the learner's buffer
     * @param contextFactory makes the agent from the whole context
     */
    protected GridLearnerKind(Class<C> configType, C defaults, BufferFields bufferFields,
            ContextFactory<C> contextFactory) {
        this.configType = configType;
        this.defaults = defaults;
        this.bufferFields = bufferFields;
        this.factory = null;
        this.contextFactory = contextFactory;
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    @Override
    public final C defaults() {
        return defaults;
    }

    @Override
    public final TrainsOn trainsOn() {
        return TrainsOn.GRID_WORLDS;
    }

    @Override
    public final BufferFields bufferFields() {
        return bufferFields;
    }

    @Override
    public final LearningAgent create(C config, LearnerContext c) {
        if (c.environments() == null) {
            throw new IllegalArgumentException("'" + type() + "' trains on grid worlds; the context gives the game "
                    + c.game().id());
        }
        if (contextFactory != null) {
            return contextFactory.create(config, c);
        }
        return factory.create(config, c.environments(), c.runSeed(), c.totalEnvSteps(), c.probeSize(), c.dataType());
    }

    /**
     * {@inheritDoc} {@link LearnerContext#evalEpisodes()} greedy episodes on fresh environments; on a
     * {@link LevelFamily}, one episode on each of that many training levels and as many held-out test levels
     * ({@link LevelEvaluator}).
     */
    @Override
    public final Map<String, Double> evaluate(C config, LearnerContext c, PolicyValueView snapshot) {
        if (c.environments().get() instanceof LevelFamily family) {
            return new LevelEvaluator(family, c.evalEpisodes(), c.evalSeed()).evaluate(snapshot);
        }
        return new GreedyEvaluator(c.environments(), c.evalEpisodes(), c.evalSeed(),
                c.optimalReturn()).evaluate(snapshot);
    }
}
