package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lantern bench agents}: one row per learner with positive rates. */
class BenchAgentsTest {

    @Test
    void printsARowPerLearner() {
        CliTest.Result r = CliTest.succeed("bench", "agents", "--seconds", "0.05");
        List<String> lines = r.outLines();
        assertEquals(2 + BenchAgentsCommand.CASES.size() + 1, lines.size(), r.out());
        for (int i = 0; i < BenchAgentsCommand.CASES.size(); i++) {
            BenchAgentsCommand.Case c = BenchAgentsCommand.CASES.get(i);
            String row = lines.get(2 + i);
            assertTrue(row.matches(c.agent() + " +" + c.env() + " +[0-9,]+ +([0-9,]+|-) +[0-9,]+"), row);
            assertTrue(!row.matches(".* 0 +([0-9,]+|-) +[0-9,]+$"), "no steps: " + row);
        }
    }
}
