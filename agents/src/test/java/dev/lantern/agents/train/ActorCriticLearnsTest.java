package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.actorcritic.A2cAgent;
import dev.lantern.agents.actorcritic.A2cConfig;
import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.nn.Backend;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Slow tier: the actor-critic learners with their defaults reach at least 0.95 of value iteration's optimal return
 * within the documented budgets. PPO: four-rooms (10 seeds) and key-door (5 seeds) in 80k steps (the default budget). A2C: empty-8x8 in
 * 40k steps (on four-rooms, A2C's one update per rollout does not find the goal often enough within 80k steps; see
 * {@link A2cAgent}).
 */
@Tag("slow")
class ActorCriticLearnsTest {

    @ParameterizedTest(name = "{0} on {1}, seed {3}")
    @CsvSource({
        "ppo, grid/four-rooms-v1, 80000, 1", "ppo, grid/four-rooms-v1, 80000, 2", "ppo, grid/four-rooms-v1, 80000, 3",
        "ppo, grid/four-rooms-v1, 80000, 4", "ppo, grid/four-rooms-v1, 80000, 5", "ppo, grid/four-rooms-v1, 80000, 6",
        "ppo, grid/four-rooms-v1, 80000, 7", "ppo, grid/four-rooms-v1, 80000, 8", "ppo, grid/four-rooms-v1, 80000, 9",
        "ppo, grid/four-rooms-v1, 80000, 10",
        "ppo, grid/key-door-v1, 80000, 1", "ppo, grid/key-door-v1, 80000, 2", "ppo, grid/key-door-v1, 80000, 3",
        "ppo, grid/key-door-v1, 80000, 4", "ppo, grid/key-door-v1, 80000, 5",
        "a2c, grid/empty-8x8-v1, 40000, 1", "a2c, grid/empty-8x8-v1, 40000, 2", "a2c, grid/empty-8x8-v1, 40000, 3"})
    void reachesTheOptimalReturn(String type, String id, long steps, long seed) {
        Backend.configure();
        LearningAgent agent = type.equals("ppo")
                ? PpoAgent.create(PpoConfig.defaults(), () -> EnvRegistry.make(id), seed, steps, 0, DataType.FLOAT)
                : A2cAgent.create(A2cConfig.defaults(), () -> EnvRegistry.make(id), seed, steps, 0, DataType.FLOAT);
        double optimal = ValueIteration.solve(EnvRegistry.make(id), 1.0).optimalReturn();
        GreedyEvaluator eval = new GreedyEvaluator(() -> EnvRegistry.make(id), 10, seed, optimal);
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(steps, 0, 0)).evaluator(eval).build().run();
        assertEquals("completed", outcome.status(), String.valueOf(outcome.failure()));
        Map<String, Double> e = outcome.evaluation();
        System.out.printf("%s on %s, seed %d: %.1f s, eval %s%n", type, id, seed, outcome.seconds(), e);
        assertTrue(e.get("eval/success_rate") >= 0.95, e.toString());
        assertTrue(e.get("eval/return") >= 0.95 * e.get("eval/optimal_return"), e.toString());
    }
}
