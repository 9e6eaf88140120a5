package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lantern bench memory} on a tiny budget: a row at every tenth of it, then the growth after warm-up. */
class BenchMemoryTest {

    @Test
    void printsTenSamplesAndTheGrowth() {
        CliTest.Result r = CliTest.succeed("bench", "memory", "--steps", "2048");
        List<String> lines = r.outLines();
        assertEquals(3 + BenchMemoryCommand.SAMPLES + 1, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("lantern bench memory: experiment on grid/four-rooms-v1, PPO, seed 1, 2,048 "
                + "env steps, LCA off"), lines.get(0));
        for (int i = 0; i < BenchMemoryCommand.SAMPLES; i++) {
            String row = lines.get(3 + i).trim();
            assertTrue(row.matches((i + 1) * 10 + "% +[0-9,]+ +[0-9,]+\\.[0-9] +[0-9,]+\\.[0-9] +[0-9,]+\\.[0-9]"), row);
            long step = Long.parseLong(row.split(" +")[1].replace(",", ""));
            assertTrue(step >= 2048 * (i + 1) / 10, row);
        }
        assertTrue(lines.get(lines.size() - 1).matches("RSS growth after warm-up \\(10% -> 100%\\): [-+][0-9.]+% .*"),
                lines.get(lines.size() - 1));
    }

    @Test
    void growthIsRelativeToTheWarmSample() {
        assertEquals(5.0, BenchMemoryCommand.growthPercent(200, 210), 1e-12);
        assertEquals(-50.0, BenchMemoryCommand.growthPercent(200, 100), 1e-12);
    }
}
