package dev.lantern.agents.actorcritic;

import dev.lantern.agents.api.BufferFields;
import dev.lantern.agents.train.GridLearnerKind;

/** A2C (<code>"type": "a2c"</code>): {@link A2cAgent} on grid worlds. */
public final class A2cKind extends GridLearnerKind<A2cConfig> {

    /** The kind, with {@link A2cConfig#defaults()}. */
    public A2cKind() {
        super(A2cConfig.class, A2cConfig.defaults(), BufferFields.rollout(), A2cAgent::create);
    }
}
