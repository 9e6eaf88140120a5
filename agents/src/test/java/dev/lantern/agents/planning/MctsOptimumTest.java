package dev.lantern.agents.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.train.GreedyEvaluator;
import dev.lantern.environments.grid.solve.FiniteHorizon;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MCTS agent's defaults (2000 simulations, max backup) reach the exact optimum in every one of ten greedy episodes
 * on four-rooms and key-door: the done-means of issue 12. About 10 s a map on this machine, so in the slow tier.
 */
@Tag("slow")
class MctsOptimumTest {

    @ParameterizedTest
    @ValueSource(strings = {"grid/four-rooms-v1", "grid/key-door-v1"})
    void theDefaultsReachTheExactOptimumInEveryEvaluationEpisode(String id) {
        OptimalReturn optimum = FiniteHorizon.solve(EnvRegistry.make(id));
        assertTrue(optimum.known(), optimum.describe());
        MctsAgent agent = new MctsAgent(MctsAgentConfig.defaults(), EnvRegistry.make(id), 1);
        Map<String, Double> eval = new GreedyEvaluator(() -> EnvRegistry.make(id), 10, 1, optimum.value())
                .evaluate(agent.snapshot());
        assertEquals(optimum.value(), eval.get("eval/return"), 1e-9, eval.toString());
        assertEquals(1.0, eval.get("eval/success_rate"), eval.toString());
    }

    @Test
    void plainUctAtTheSameBudgetFallsShortOnFourRooms() {
        String id = "grid/four-rooms-v1";
        OptimalReturn optimum = FiniteHorizon.solve(EnvRegistry.make(id));
        MctsAgentConfig mean = new MctsAgentConfig(2000, 0.25, 0.95, 100, 0, MctsAgentConfig.Backup.MEAN, null);
        Map<String, Double> eval = new GreedyEvaluator(() -> EnvRegistry.make(id), 3, 1, optimum.value())
                .evaluate(new MctsAgent(mean, EnvRegistry.make(id), 1).snapshot());
        assertTrue(eval.get("eval/return") < optimum.value() - 0.005, eval.toString());
    }
}
