package dev.lantern.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.run.state.CheckpointFormatException;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.agents.train.CountingSession;
import dev.lantern.agents.train.GreedyEvaluator;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.Trainer;
import dev.lantern.agents.train.TrainerSettings;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tabular learner under the trainer: it learns, its greedy view answers observations, and it resumes exactly. */
class TabularLearnerTest {

    private static TabularLearner learner(TabularLearnerConfig.Algorithm algorithm, String id, long seed) {
        TabularLearnerConfig d = TabularLearnerConfig.defaults();
        TabularLearnerConfig c = new TabularLearnerConfig(algorithm, d.learningRate(), d.gamma(), d.epsilonStart(),
                d.epsilonEnd(), d.epsilonDecaySteps());
        return new TabularLearner(c, EnvRegistry.make(id), seed);
    }

    @ParameterizedTest
    @EnumSource(TabularLearnerConfig.Algorithm.class)
    void solvesFourRoomsAndKeyDoorWithTheDefaults(TabularLearnerConfig.Algorithm algorithm) {
        for (String id : new String[] {"grid/four-rooms-v1", "grid/key-door-v1"}) {
            TabularLearner agent = learner(algorithm, id, 1);
            assertNull(agent.network());
            double optimal = ValueIteration.solve(EnvRegistry.make(id), 1.0).optimalReturn();
            RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(80_000, 0, 0))
                    .evaluator(new GreedyEvaluator(() -> EnvRegistry.make(id), 5, 1, optimal)).build().run();
            assertEquals("completed", outcome.status(), String.valueOf(outcome.failure()));
            Map<String, Double> e = outcome.evaluation();
            assertEquals(1.0, e.get("eval/success_rate"), algorithm + " on " + id + ": " + e);
            assertEquals(optimal, e.get("eval/return"), 1e-9, algorithm + " on " + id + ": " + e);
        }
    }

    @Test
    void aRestoredLearnerContinuesExactly() {
        TabularLearner a = learner(TabularLearnerConfig.Algorithm.SARSA, "grid/key-door-v1", 7);
        CountingSession session = new CountingSession();
        for (int i = 0; i < 30; i++) {
            a.iterate(session);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(bytes)) {
            a.saveState(w);
        }
        TabularLearner b = learner(TabularLearnerConfig.Algorithm.SARSA, "grid/key-door-v1", 7);
        try (StateReader r = new StateReader(new ByteArrayInputStream(bytes.toByteArray()), "test")) {
            b.restoreState(r);
            r.expectEnd();
        }
        assertTrue(a.table().sameAs(b.table()));
        CountingSession sa = new CountingSession();
        CountingSession sb = new CountingSession();
        for (int i = 0; i < 20; i++) {
            a.iterate(sa);
            b.iterate(sb);
        }
        assertTrue(a.table().sameAs(b.table()));
        assertEquals(sa.lastMetrics(), sb.lastMetrics());
        assertEquals(a.updates(), b.updates());

        TabularLearner other = learner(TabularLearnerConfig.Algorithm.SARSA, "grid/four-rooms-v1", 7);
        assertThrows(CheckpointFormatException.class, () -> {
            try (StateReader r = new StateReader(new ByteArrayInputStream(bytes.toByteArray()), "test")) {
                other.restoreState(r);
            }
        });
    }

    @Test
    void theViewAnswersObservationsFromTheTable() {
        TabularLearner a = learner(TabularLearnerConfig.Algorithm.Q_LEARNING, "grid/four-rooms-v1", 3);
        CountingSession session = new CountingSession();
        while (session.envSteps() < 40_000) {
            a.iterate(session);
        }
        TabularView view = a.snapshot();
        var world = EnvRegistry.make("grid/four-rooms-v1");
        float[] obs = world.reset(0);
        var s = world.state();
        var d = view.decideGreedy(obs);
        assertEquals(a.table().greedyAction(s), d.action());
        assertEquals(a.table().maxValue(s), d.value(), 1e-12);
        assertEquals(java.util.Arrays.toString(a.table().q(s)), java.util.Arrays.toString(d.qValues()));
    }
}
