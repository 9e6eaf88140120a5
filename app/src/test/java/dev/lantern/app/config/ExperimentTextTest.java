package dev.lantern.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Experiment text that is not what it seems is refused with located messages in Lantern's words. */
class ExperimentTextTest {

    private static List<String> problems(String json) {
        return assertThrows(ConfigException.class, () -> ExperimentLoader.parse("bad.json", json, null)).problems();
    }

    @Test
    void aSecondTrainingObjectIsAnErrorNotASilentReplacement() {
        // Gson alone keeps the last of two equal keys: this 3k-step run trained the default 80k.
        List<String> p = problems("""
                {"training": {"totalEnvSteps": 3000},
                 "training": {"evalEpisodes": 2}}
                """);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("bad.json:2:"), p.get(0));
        assertTrue(p.get(0).contains("training: duplicate key \"training\""), p.get(0));
    }

    @Test
    void everyDuplicateKeyIsReportedWithItsPath() {
        List<String> p = problems("""
                {"agent": {"type": "ppo", "learningRate": 0.001, "learningRate": 0.5},
                 "seed": 1, "seed": 2}
                """);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).contains("agent.learningRate: duplicate key \"learningRate\""), p.get(0));
        assertTrue(p.get(1).contains("seed: duplicate key \"seed\""), p.get(1));
    }

    @Test
    void theSameKeyInTwoObjectsIsFine() {
        Experiment e = ExperimentLoader.parse("ok.json", """
                {"env": {"maxEpisodeSteps": 50}, "training": {"evalEpisodes": 3}, "lca": {"enabled": false}}
                """, null);
        assertEquals(50, e.env().maxEpisodeSteps());
        assertEquals(3, e.training().evalEpisodes());
    }

    @Test
    void malformedJsonIsLocatedAndWordedForAPerson() {
        for (String[] c : new String[][] {
                {"{'seed': 1}", "bad.json:1:", "double quotes"},
                {"{\"seed\": 1 \"name\": \"x\"}", "bad.json:1:", "a ',' is missing"},
                {"{\"seed\": 1,}", "bad.json:1:", "trailing ','"},
                {"{\"name\": \"x", "bad.json:1:", "not closed"},
                {"[1, 2]", "bad.json", "expected a JSON object"},
                {"", "bad.json", "empty"},
                {"{} {}", "bad.json:1:", "unexpected text after the JSON object"}}) {
            List<String> p = problems(c[0]);
            assertEquals(1, p.size(), c[0] + " -> " + p);
            assertTrue(p.get(0).startsWith(c[1]), c[0] + " -> " + p.get(0));
            assertTrue(p.get(0).contains(c[2]), c[0] + " -> " + p.get(0));
            assertFalse(p.get(0).contains("JsonReader") || p.get(0).contains("Strictness"), p.get(0));
        }
    }

    @Test
    void deepNestingIsRefusedWithItsLocation() {
        String deep = "{\"env\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        List<String> p = problems(deep);
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("nested deeper than " + JsonText.MAX_DEPTH + " levels"), p.get(0));
    }

    @Test
    void theBudgetAllowsLongRunsButNotOverflow() {
        assertEquals(10_000_000_000L, ExperimentLoader.parse("ok.json",
                "{\"training\": {\"totalEnvSteps\": 10000000000}}", null).training().totalEnvSteps());
        List<String> p = problems("{\"training\": {\"totalEnvSteps\": 9223372036854775807}}");
        assertEquals(List.of("bad.json: training.totalEnvSteps: must be at most 1000000000000 (10^12), got "
                + Long.MAX_VALUE), p);
    }
}
