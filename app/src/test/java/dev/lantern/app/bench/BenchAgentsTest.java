package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code lantern bench agents}: one row per case with positive rates, and the ratio of the two compute paths for each
 * learner timed on both (DQN, AlphaZero).
 */
class BenchAgentsTest {

    @Test
    void printsARowPerLearner() {
        CliTest.Result r = CliTest.succeed("bench", "agents", "--seconds", "0.05");
        List<String> lines = r.outLines();
        List<BenchAgentsCommand.Case> forced = BenchAgentsCommand.CASES.stream().filter(c -> c.forcedPath() != null)
                .toList();
        assertEquals(2 + BenchAgentsCommand.CASES.size() + forced.size() + 1, lines.size(), r.out());
        for (int i = 0; i < BenchAgentsCommand.CASES.size(); i++) {
            BenchAgentsCommand.Case c = BenchAgentsCommand.CASES.get(i);
            String row = lines.get(2 + i);
            assertTrue(row.matches(Pattern.quote(c.label()) + " +" + c.env() + " +[0-9,]+ +([0-9,]+|-) +[0-9,]+"), row);
            assertTrue(!row.matches(".* 0 +([0-9,]+|-) +[0-9,]+$"), "no steps: " + row);
        }
        for (int k = 0; k < forced.size(); k++) {
            BenchAgentsCommand.Case c = forced.get(k);
            String ratio = lines.get(2 + BenchAgentsCommand.CASES.size() + k);
            assertTrue(ratio.matches(c.agent() + " on " + c.env()
                    + ": HOST_BUFFERS path [0-9.]+x the ND4J ops path's env steps/s"), ratio);
        }
    }
}
