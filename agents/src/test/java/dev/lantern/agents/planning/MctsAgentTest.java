package dev.lantern.agents.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ConfigProblems;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.agents.train.GreedyEvaluator;
import dev.lantern.agents.train.RecordingSession;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.solve.FiniteHorizon;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MCTS agent on small maps: validation, the exact optimum on empty-8x8, and exact save and restore. */
class MctsAgentTest {

    private static final String EMPTY = "grid/empty-8x8-v1";

    @Test
    void everyBadFieldIsNamedWithItsValue() {
        List<String> problems = ConfigProblems.of(new MctsAgentConfig(0, -1, 0, 0, -0.5)::validate, "agent");
        assertEquals(List.of("agent.simulations: must be in [1, 10000000], got 0",
                "agent.exploration: must be >= 0, got -1.0",
                "agent.gamma: must be in (0, 1], got 0.0",
                "agent.horizon: must be in [1, 100000], got 0",
                "agent.temperature: must be >= 0, got -0.5"), problems);
        assertEquals(List.of(), ConfigProblems.of(MctsAgentConfig.defaults()::validate, "agent"));
        assertThrows(IllegalArgumentException.class,
                () -> new MctsAgent(new MctsAgentConfig(0, 1, 1, 10, 0), EnvRegistry.make(EMPTY), 1));
    }

    @Test
    void greedySearchReachesTheGoalWithinTwoStepsOfTheExactOptimumOnEmpty8x8() {
        GridWorld world = EnvRegistry.make(EMPTY);
        OptimalReturn optimum = FiniteHorizon.solve(world);
        assertTrue(optimum.known(), optimum.describe());
        assertEquals(0.90, optimum.value(), 1e-12); // 10 steps: 9 at -0.01, the last +0.99
        MctsAgent agent = new MctsAgent(new MctsAgentConfig(20_000, 0.25, 0.95, 30, 0), world, 5);
        Map<String, Double> eval = new GreedyEvaluator(() -> EnvRegistry.make(EMPTY), 1, 3, optimum.value())
                .evaluate(agent.snapshot());
        // Measured: 0.88 to 0.90 by seed (the exact optimum is not reached reliably: in an open room many moves
        // differ by one step penalty, below the rollouts' noise at this budget).
        assertEquals(1.0, eval.get("eval/success_rate"), eval.toString());
        assertTrue(eval.get("eval/return") >= optimum.value() - 0.02 - 1e-12, eval.toString());
        assertTrue(eval.get("eval/return") <= optimum.value() + 1e-12, eval.toString());
        assertEquals(optimum.value(), eval.get("eval/optimal_return"));
    }

    @Test
    void anEpisodeReportsItsSearchesAndCountsOnlyActedSteps() {
        MctsAgent agent = new MctsAgent(new MctsAgentConfig(50, 1.0, 0.99, 30, 0), EnvRegistry.make(EMPTY), 2);
        RecordingSession session = new RecordingSession();
        agent.iterate(session);
        int length = session.episodeLengths().get(0);
        assertEquals(length, session.envSteps(), "only acted steps count");
        assertEquals(50.0, session.lastMetrics().get("mcts/simulations"));
        assertEquals(50.0, session.lastMetrics().get("mcts/root_visits"));
        assertTrue(session.lastMetrics().get("mcts/tree_nodes") > 50, "each simulation adds a leaf's children");
        assertTrue(session.lastMetrics().get("mcts/simulated_steps") >= 50.0 * length, session.lastMetrics().get("mcts/simulated_steps") + "");
    }

    @Test
    void aRestoredAgentActsExactlyAsTheOneThatSavedAndReseedingChangesTheEpisodes() throws Exception {
        MctsAgentConfig config = new MctsAgentConfig(20, 1.0, 0.99, 20, 1.0); // temperature 1: draws matter
        MctsAgent a = new MctsAgent(config, EnvRegistry.make("grid/key-door-v1"), 7);
        a.iterate(new RecordingSession());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(bytes)) {
            a.saveState(w);
        }
        MctsAgent b = new MctsAgent(config, EnvRegistry.make("grid/key-door-v1"), 7);
        try (StateReader r = new StateReader(new ByteArrayInputStream(bytes.toByteArray()), "test")) {
            b.restoreState(r);
            r.expectEnd();
        }
        MctsAgent c = new MctsAgent(config, EnvRegistry.make("grid/key-door-v1"), 7);
        c.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray()), "test"));
        c.reseed("explore", 99);
        RecordingSession sa = new RecordingSession();
        RecordingSession sb = new RecordingSession();
        RecordingSession sc = new RecordingSession();
        for (int i = 0; i < 3; i++) {
            a.iterate(sa);
            b.iterate(sb);
            c.iterate(sc);
        }
        assertEquals(sa.episodeReturns(), sb.episodeReturns());
        assertEquals(sa.episodeLengths(), sb.episodeLengths());
        assertEquals(sa.lastMetrics().get("mcts/simulated_steps"), sb.lastMetrics().get("mcts/simulated_steps"));
        assertNotEquals(sa.episodeLengths(), sc.episodeLengths(), "explore seeds the searches");
        assertEquals(List.of("env", "explore"), a.reseedableStreams());
    }

    @Test
    void anEgocentricViewIsRefusedForTheSnapshotNamingTheLookalikes() {
        GridWorld world = new GridWorld("ego", EnvRegistry.map("grid/four-rooms-v1"), 100,
                new GridObservation(GridObservation.Kind.EGOCENTRIC, 3));
        MctsAgent agent = new MctsAgent(MctsAgentConfig.defaults(), world, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, agent::snapshot);
        assertTrue(e.getMessage().contains("look alike; use env.observation onehot or symbolic"), e.getMessage());
    }
}
