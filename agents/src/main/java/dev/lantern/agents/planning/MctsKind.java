package dev.lantern.agents.planning;

import dev.lantern.agents.api.BufferFields;
import dev.lantern.agents.api.LearnerContext;
import dev.lantern.agents.train.GridLearnerKind;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.grid.GridWorld;
import java.util.function.Supplier;

/**
 * Monte Carlo tree search on a grid world ({@code "type": "mcts"}): a {@link MctsAgent} that plans through the
 * world's simulator before every step. It keeps no buffer and has no network, so no loss change allocation; its
 * evaluation is the greedy one of every grid learner, acting with the search ({@link MctsView}).
 */
public final class MctsKind extends GridLearnerKind<MctsAgentConfig> {

    /** The kind, with {@link MctsAgentConfig#defaults()}. */
    public MctsKind() {
        super(MctsAgentConfig.class, MctsAgentConfig.defaults(), BufferFields.buffer(),
                (MctsAgentConfig config, LearnerContext c) -> new MctsAgent(config, gridWorld(c.environments()),
                        c.runSeed(), c.planningNetwork()));
    }

    private static GridWorld gridWorld(Supplier<? extends Environment> envs) {
        Environment env = envs.get();
        if (!(env instanceof GridWorld world)) {
            throw new IllegalArgumentException("the MCTS agent plans through a grid world's simulator; it needs a "
                    + "GridWorld, got " + env.getClass().getName());
        }
        return world;
    }
}
