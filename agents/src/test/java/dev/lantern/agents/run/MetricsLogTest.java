package dev.lantern.agents.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code metrics.jsonl} back: what {@link MetricsFile} wrote, series by name, bad lines named. */
class MetricsLogTest {

    @Test
    void whatMetricsFileWroteIsReadBackExactlyByName(@TempDir Path tmp) {
        Path f = tmp.resolve("metrics.jsonl");
        try (MetricsFile m = new MetricsFile(f)) {
            m.scalar(10, "episode/return", 0.1 + 0.2);
            m.scalar(20, "eval/return", Double.NaN);
            m.scalar(30, "episode/return", -1e-300);
            m.flush();
        }
        MetricsLog log = MetricsLog.read(f);
        assertEquals(List.of("episode/return", "eval/return"), log.names());
        assertArrayEquals(new long[] {10, 30}, log.series("episode/return").steps());
        assertArrayEquals(new double[] {0.1 + 0.2, -1e-300}, log.series("episode/return").values());
        assertTrue(Double.isNaN(log.last("eval/return").getAsDouble()));
        assertFalse(log.last("loss/td").isPresent());
        assertEquals(0, log.series("loss/td").size());
    }

    @Test
    void anIncompleteLastLineIsSkippedButABadLineElsewhereIsNamed(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("metrics.jsonl");
        Files.writeString(f, "{\"step\": 1, \"time\": 0.0, \"name\": \"a/b\", \"value\": 2.0}\n{\"step\": 2, \"ti");
        assertEquals(1, MetricsLog.read(f).series("a/b").size());
        Files.writeString(f, "{\"step\": 1, \"time\": 0.0, \"name\": \"a/b\", \"value\": 2.0}\nnot json\n"
                + "{\"step\": 3, \"time\": 0.0, \"name\": \"a/b\", \"value\": 2.0}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricsLog.read(f));
        assertTrue(e.getMessage().contains("metrics.jsonl:2: not a metric line"), e.getMessage());
    }
}
