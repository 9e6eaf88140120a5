package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.nn.Backend;
import dev.lantern.environments.grid.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/** Slow tier: PPO with its defaults solves four-rooms in the default budget (80k steps) for several seeds. */
@Tag("slow")
class PpoLearnsFourRoomsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void solvesFourRooms(long seed) {
        Backend.configure();
        String id = "grid/four-rooms-v1";
        long steps = 80_000;
        PpoAgent agent = PpoAgent.create(PpoConfig.defaults(), () -> EnvRegistry.make(id), seed, steps, 0, DataType.FLOAT);
        double optimal = ValueIteration.solve(EnvRegistry.make(id), 1.0).optimalReturn();
        GreedyEvaluator eval = new GreedyEvaluator(() -> EnvRegistry.make(id), 10, seed, optimal);
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(steps, 0, 0)).evaluator(eval).build().run();
        assertEquals("completed", outcome.status(), String.valueOf(outcome.failure()));
        Map<String, Double> e = outcome.evaluation();
        System.out.printf("seed %d: %.1f s, eval %s%n", seed, outcome.seconds(), e);
        assertTrue(e.get("eval/success_rate") >= 0.95, e.toString());
        assertTrue(e.get("eval/return") >= 0.95 * e.get("eval/optimal_return"), e.toString());
    }
}
