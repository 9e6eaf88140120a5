package dev.lantern.agents.dqn;

import dev.lantern.agents.api.BufferFields;
import dev.lantern.agents.train.GridLearnerKind;

/** DQN (<code>"type": "dqn"</code>): {@link DqnAgent} on grid worlds. */
public final class DqnKind extends GridLearnerKind<DqnConfig> {

    /** The kind, with {@link DqnConfig#defaults()}. */
    public DqnKind() {
        super(DqnConfig.class, DqnConfig.defaults(), BufferFields.buffer(), DqnAgent::create);
    }
}
