package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lantern bench patching}: the output format with one timed sweep per setting and no warm-up. */
class BenchPatchingTest {

    @Test
    void printsTheSweepTimes() {
        CliTest.Result r = CliTest.succeed("bench", "patching", "--repetitions", "1", "--warmup", "0");
        List<String> lines = r.outLines();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("lantern bench patching: grid/four-rooms-v1, 104 states, "
                + "1183-64-64-(4+1) tanh, float, moved one cell right (84 pairs)"), lines.get(0));
        for (String line : lines.subList(1, 4)) {
            assertTrue(line.matches(" ?\\d+ neurons per pass: full sweep \\d+\\.\\d{3} s \\(mean of 1\\), best "
                    + "\\d+\\.\\d{3} s, 264 rows"), line);
        }
        assertTrue(lines.get(3).startsWith(" 1 neurons per pass"), lines.get(3));
    }
}
