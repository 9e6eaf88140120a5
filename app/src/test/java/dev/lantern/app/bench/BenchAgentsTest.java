package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code lantern bench agents}: one row per learner with positive rates; the cases marked {@code bothPaths} add a row
 * on the forced ND4J op path and their ratio.
 */
class BenchAgentsTest {

    @Test
    void printsARowPerLearnerAndTheNd4jPathBesideTheMarkedOnes() {
        CliTest.Result r = CliTest.succeed("bench", "agents", "--seconds", "0.05");
        List<String> lines = r.outLines();
        int rows = 0;
        for (BenchAgentsCommand.Case c : BenchAgentsCommand.CASES) {
            rows += c.bothPaths() ? 3 : 1;
        }
        assertEquals(2 + rows + 2, lines.size(), r.out());
        int at = 2;
        for (BenchAgentsCommand.Case c : BenchAgentsCommand.CASES) {
            assertRates(lines.get(at++), c.agent() + " +" + c.env());
            if (c.bothPaths()) {
                assertRates(lines.get(at++), c.agent() + " +\\(ND4J_OPS forced\\)");
                String ratio = lines.get(at++);
                assertTrue(ratio.matches(c.agent() + " +ratio +[0-9.]+x +[0-9.]+x +[0-9.]+x"), ratio);
            }
        }
    }

    private static void assertRates(String row, String prefix) {
        assertTrue(row.matches(prefix + " +[0-9,]+ +([0-9,]+|-) +[0-9,]+"), row);
        assertTrue(!row.matches(".* 0 +([0-9,]+|-) +[0-9,]+$"), "no steps: " + row);
    }
}
