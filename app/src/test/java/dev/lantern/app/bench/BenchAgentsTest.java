package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code lantern bench agents}: one row per case with positive rates, and DQN's ratio of the two compute paths. */
class BenchAgentsTest {

    @Test
    void printsARowPerLearner() {
        CliTest.Result r = CliTest.succeed("bench", "agents", "--seconds", "0.05");
        List<String> lines = r.outLines();
        assertEquals(2 + BenchAgentsCommand.CASES.size() + 2, lines.size(), r.out());
        for (int i = 0; i < BenchAgentsCommand.CASES.size(); i++) {
            BenchAgentsCommand.Case c = BenchAgentsCommand.CASES.get(i);
            String row = lines.get(2 + i);
            assertTrue(row.matches(Pattern.quote(c.label()) + " +" + c.env() + " +[0-9,]+ +([0-9,]+|-) +[0-9,]+"), row);
            assertTrue(!row.matches(".* 0 +([0-9,]+|-) +[0-9,]+$"), "no steps: " + row);
        }
        String ratio = lines.get(2 + BenchAgentsCommand.CASES.size());
        assertTrue(ratio.matches("dqn on grid/four-rooms-v1: HOST_BUFFERS path [0-9.]+x the ND4J ops path's env steps/s"),
                ratio);
    }
}
