package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.Backend;
import dev.lantern.environments.api.VectorEnv;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** PPO solves four-rooms: greedy success and at least 95% of the optimal return. */
@Tag("slow")
class PpoLearnsFourRoomsTest {

    @Test
    void solvesFourRooms() {
        Backend.configure();
        String id = "grid/four-rooms-v1";
        PpoConfig config = PpoConfig.defaults();
        long seed = 1;
        long steps = Long.getLong("steps", 150_000);
        seed = Long.getLong("seed", seed);
        PpoAgent agent = PpoAgent.create(config, () -> EnvRegistry.make(id), seed, steps, 0, DataType.FLOAT);
        GridWorld probe = EnvRegistry.make(id);
        double optimal = ValueIteration.solve(probe, 1.0).optimalReturn();
        GreedyEvaluator eval = new GreedyEvaluator(() -> EnvRegistry.make(id), 5, 3, optimal);
        Trainer trainer = Trainer.builder(agent, new TrainerSettings(steps, 0, 10))
                .evaluator(eval)
                .tap((step, name, value) -> {
                    if (name.startsWith("eval/") || name.startsWith("time/c") || name.startsWith("time/u")) {
                        System.out.println(step + " " + name + " " + value);
                    }
                })
                .build();
        RunOutcome outcome = trainer.run();
        System.out.println(outcome);
        assertTrue(outcome.evaluation().get("eval/success_rate") >= 0.95, outcome.toString());
    }
}
