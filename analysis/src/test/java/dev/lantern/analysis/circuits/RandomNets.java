package dev.lantern.analysis.circuits;

import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import org.nd4j.linalg.api.buffer.DataType;

/** Freshly initialised (seeded) networks sized for a state batch, for invariant tests that hold for any weights. */
final class RandomNets {

    private RandomNets() {
    }

    /** A 16-8 actor-critic for {@code states}, seed 3. */
    static ActorCriticNet actorCritic(StateBatch states, DataType type) {
        return ActorCriticNet.create(states.observationSize(), 4, new int[] {16, 8}, 1e-3, 0, 3, type);
    }

    /** A 12-12 Q-network for {@code states}, seed 4. */
    static QNet qNetwork(StateBatch states, DataType type) {
        return QNet.create(states.observationSize(), 4, new int[] {12, 12}, 1e-3, 4, type);
    }
}
