package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lantern bench circuit}: a header and six rows, each a positive time per graph. */
class BenchCircuitTest {

    @Test
    void printsATimePerGraphForEachCase() {
        CliTest.Result r = CliTest.succeed("bench", "circuit", "--env", "grid/empty-8x8-v1", "--seconds", "0.02");
        List<String> lines = r.outLines();
        assertEquals(7, lines.size(), r.out());
        for (String row : lines.subList(1, 7)) {
            assertTrue(row.matches(".+ +[0-9]+\\.[0-9]{3} ms per graph \\([1-9][0-9]* graphs\\)"), row);
        }
    }
}
