package dev.lantern.agents.tabular;

import dev.lantern.agents.api.BufferFields;
import dev.lantern.agents.train.GridLearnerKind;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.grid.GridWorld;
import java.util.function.Supplier;

/**
 * Tabular Q-learning or SARSA ({@code "type": "tabular"}): a {@link TabularLearner} on one grid world, its table keyed
 * by the world's full state. It keeps no buffer and has no network, so no loss change allocation.
 */
public final class TabularKind extends GridLearnerKind<TabularLearnerConfig> {

    /** The kind, with {@link TabularLearnerConfig#defaults()}. */
    public TabularKind() {
        super(TabularLearnerConfig.class, TabularLearnerConfig.defaults(), BufferFields.buffer(),
                (config, envs, seed, budget, probeSize, dataType) -> new TabularLearner(config, gridWorld(envs), seed));
    }

    private static GridWorld gridWorld(Supplier<? extends Environment> envs) {
        Environment env = envs.get();
        if (!(env instanceof GridWorld world)) {
            throw new IllegalArgumentException("the tabular learner keys its table by grid states; it needs a GridWorld, "
                    + "got " + env.getClass().getName());
        }
        return world;
    }
}
