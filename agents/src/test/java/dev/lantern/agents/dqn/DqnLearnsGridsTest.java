package dev.lantern.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.train.GreedyEvaluator;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.Trainer;
import dev.lantern.agents.train.TrainerSettings;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Slow tier: DQN with its defaults reaches at least 0.95 of value iteration's optimal return on four-rooms and
 * key-door within {@link DqnConfig#DEFAULT_BUDGET} environment steps, for three seeds each.
 */
@Tag("slow")
class DqnLearnsGridsTest {

    @ParameterizedTest
    @CsvSource({"grid/four-rooms-v1, 1", "grid/four-rooms-v1, 2", "grid/four-rooms-v1, 3",
            "grid/key-door-v1, 1", "grid/key-door-v1, 2", "grid/key-door-v1, 3"})
    void reachesTheOptimalReturn(String id, long seed) {
        Backend.configure();
        long steps = DqnConfig.DEFAULT_BUDGET;
        DqnAgent agent = DqnAgent.create(DqnConfig.defaults(), () -> EnvRegistry.make(id), seed, steps, 0,
                DataType.FLOAT);
        double optimal = ValueIteration.solve(EnvRegistry.make(id), 1.0).optimalReturn();
        GreedyEvaluator eval = new GreedyEvaluator(() -> EnvRegistry.make(id), 10, seed, optimal);
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(steps, 0, 0)).evaluator(eval).build().run();
        assertEquals("completed", outcome.status(), String.valueOf(outcome.failure()));
        Map<String, Double> e = outcome.evaluation();
        System.out.printf("%s seed %d: %.1f s, eval %s%n", id, seed, outcome.seconds(), e);
        assertTrue(e.get("eval/return") >= 0.95 * e.get("eval/optimal_return"), e.toString());
    }
}
