package dev.lantern.agents.actorcritic;

import dev.lantern.agents.api.BufferFields;
import dev.lantern.agents.train.GridLearnerKind;

/** PPO (<code>"type": "ppo"</code>, the default learner): {@link PpoAgent} on grid worlds. */
public final class PpoKind extends GridLearnerKind<PpoConfig> {

    /** The kind, with {@link PpoConfig#defaults()}. */
    public PpoKind() {
        super(PpoConfig.class, PpoConfig.defaults(), BufferFields.rollout(), PpoAgent::create);
    }
}
