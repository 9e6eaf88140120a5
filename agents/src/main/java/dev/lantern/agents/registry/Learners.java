package dev.lantern.agents.registry;

import dev.lantern.agents.actorcritic.A2cKind;
import dev.lantern.agents.actorcritic.PpoKind;
import dev.lantern.agents.alphazero.AlphaZeroKind;
import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.AgentKind;
import dev.lantern.agents.api.LearnerContext;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.TrainsOn;
import dev.lantern.agents.dqn.DqnKind;
import dev.lantern.agents.planning.MctsKind;
import dev.lantern.agents.tabular.TabularKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every learner an experiment can name in {@code agent.type}, in the order messages list them. Adding a learner is one
 * package with its {@link AgentKind} plus one line in {@link #KINDS}.
 */
public final class Learners {

    /** The learner an experiment without {@code agent.type} trains. */
    public static final String DEFAULT_TYPE = "ppo";

    private static final List<AgentKind<?>> KINDS = List.of(
            new PpoKind(),
            new A2cKind(),
            new DqnKind(),
            new AlphaZeroKind(),
            new TabularKind(),
            new MctsKind());

    private static final Map<String, AgentKind<?>> BY_TYPE = new LinkedHashMap<>();

    static {
        for (AgentKind<?> kind : KINDS) {
            if (BY_TYPE.put(kind.type(), kind) != null) {
                throw new IllegalStateException("two learners are registered as '" + kind.type() + "'");
            }
        }
    }

    private Learners() {
    }

    /** Every registered learner, in registration order. */
    public static List<AgentKind<?>> all() {
        return KINDS;
    }

    /** The registered {@code agent.type} names, in registration order. */
    public static List<String> types() {
        return List.copyOf(BY_TYPE.keySet());
    }

    /** The names of the learners that train on {@code what}, in registration order. */
    public static List<String> typesTrainingOn(TrainsOn what) {
        List<String> names = new ArrayList<>();
        for (AgentKind<?> kind : KINDS) {
            if (kind.trainsOn() == what) {
                names.add(kind.type());
            }
        }
        return List.copyOf(names);
    }

    /** The learner named {@code type}, or null if none is registered under that name. */
    public static AgentKind<?> find(String type) {
        return BY_TYPE.get(type);
    }

    /**
     * The learner whose config {@code config} is.
     *
     * @throws IllegalArgumentException if no registered learner has that type, or its config is of another class
     */
    public static AgentKind<?> of(AgentConfig config) {
        AgentKind<?> kind = BY_TYPE.get(config.type());
        if (kind == null || !kind.configType().isInstance(config)) {
            throw new IllegalArgumentException("no registered learner takes a " + config.getClass().getName()
                    + " of type '" + config.type() + "' (known: " + String.join(", ", BY_TYPE.keySet()) + ")");
        }
        return kind;
    }

    /** Creates the learner {@code config} configures (see {@link AgentKind#create}). */
    public static LearningAgent create(AgentConfig config, LearnerContext context) {
        return create(of(config), config, context);
    }

    /** Evaluates a snapshot of the learner {@code config} configures (see {@link AgentKind#evaluate}). */
    public static Map<String, Double> evaluate(AgentConfig config, LearnerContext context, PolicyValueView snapshot) {
        return evaluate(of(config), config, context, snapshot);
    }

    private static <C extends Record & AgentConfig> LearningAgent create(AgentKind<C> kind, AgentConfig config,
            LearnerContext context) {
        return kind.create(kind.configType().cast(config), context);
    }

    private static <C extends Record & AgentConfig> Map<String, Double> evaluate(AgentKind<C> kind,
            AgentConfig config, LearnerContext context, PolicyValueView snapshot) {
        return kind.evaluate(kind.configType().cast(config), context, snapshot);
    }
}
