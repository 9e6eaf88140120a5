package dev.lantern.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code training} fields of the periodic evaluation: defaults, validation naming the field, round trip. */
class TrainingConfigTest {

    private static List<String> problems(String json) {
        return assertThrows(ConfigException.class, () -> ExperimentLoader.parse("bad.json", json, null)).problems();
    }

    @Test
    void evaluationIsOnEvery5000StepsByDefaultWithoutStoppingWhenSolved() {
        TrainingConfig t = ExperimentLoader.parse("ok.json", "{}", null).training();
        assertEquals(5000, t.evalEveryEnvSteps());
        assertFalse(t.stopWhenSolved());
        assertEquals(TrainingConfig.defaults(), t);
    }

    @Test
    void aGameLearnerEvaluatesOnlyAtTheEndByDefaultSinceItsEvaluationIsAMatch() {
        TrainingConfig t = ExperimentLoader.parse("ok.json", """
                {"env": {"id": "game/tic-tac-toe-v1"}, "agent": {"type": "alphazero"}}
                """, null).training();
        assertEquals(0, t.evalEveryEnvSteps());
        assertEquals(20_000, ExperimentLoader.parse("ok.json", """
                {"env": {"id": "game/tic-tac-toe-v1"}, "agent": {"type": "alphazero"},
                 "training": {"evalEveryEnvSteps": 20000}}
                """, null).training().evalEveryEnvSteps());
    }

    @Test
    void zeroLeavesOnlyTheFinalEvaluationAndBothFieldsAreRead() {
        TrainingConfig t = ExperimentLoader.parse("ok.json", """
                {"training": {"evalEveryEnvSteps": 0, "stopWhenSolved": true}}
                """, null).training();
        assertEquals(0, t.evalEveryEnvSteps());
        assertTrue(t.stopWhenSolved());
    }

    @Test
    void badValuesAreNamedWithTheFieldAndTheValueAllAtOnce() {
        List<String> p = problems("""
                {"training": {"evalEveryEnvSteps": -5, "stopWhenSolved": "yes", "checkpointEveryEnvSteps": -1}}
                """);
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.equals(
                "bad.json: training.evalEveryEnvSteps: must be >= 0 (0 = only the final evaluation), got -5")),
                p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("bad.json: training.stopWhenSolved: expected true or false")),
                p.toString());
        assertTrue(problems("{\"training\": {\"evalEveryEnvSteps\": 2.5}}").get(0)
                .contains("training.evalEveryEnvSteps: expected a whole number"));
    }

    @Test
    void theResolvedConfigKeepsBothFields() {
        Experiment e = ExperimentLoader.parse("ok.json", """
                {"training": {"evalEveryEnvSteps": 1234, "stopWhenSolved": true}}
                """, null);
        String json = ExperimentLoader.toJson(e).toString();
        assertEquals(e, ExperimentLoader.parse("again.json", json, null));
        assertEquals(1234, e.withTotalEnvSteps(99).training().evalEveryEnvSteps());
        assertTrue(e.withTotalEnvSteps(99).training().stopWhenSolved());
    }
}
