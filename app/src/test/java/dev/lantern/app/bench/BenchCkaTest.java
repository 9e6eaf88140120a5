package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lantern bench cka}: the header, three timed rows and the self-check; bad arguments are listed together. */
class BenchCkaTest {

    @Test
    void printsTheSecondsWithAndWithoutRecordingAndTheSelfCheck() {
        CliTest.Result r = CliTest.succeed("bench", "cka", "--env", "grid/empty-8x8-v1", "--checkpoints", "2",
                "--sites", "3", "--seeds", "2", "--repetitions", "1");
        List<String> lines = r.outLines();
        assertEquals(6, lines.size(), r.out());
        assertTrue(lines.get(0).contains("2 checkpoints x 3 sites x 2 seeds = 12 representations, 78 pairs"),
                lines.get(0));
        for (String row : lines.subList(2, 5)) {
            assertTrue(row.matches(".+ cold +[0-9]+\\.[0-9]{3} s   warm \\(median\\) +[0-9]+\\.[0-9]{3} s"), row);
        }
        double error = Double.parseDouble(lines.get(5).replaceAll(".*\\) ([0-9.e+-]+);.*", "$1"));
        assertTrue(error < 1e-12, lines.get(5));
    }

    @Test
    void badArgumentsAreListedTogether() {
        CliTest.Result r = CliTest.lantern("bench", "cka", "--env", "board/tic-tac-toe", "--sites", "9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--env: not a grid environment 'board/tic-tac-toe'"), r.err());
        assertTrue(r.err().contains("--sites: must be in [1, 6], got 9"), r.err());
    }
}
