package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lantern bench update}: the printed table with a tiny budget. */
class BenchUpdateTest {

    @Test
    void printsBothBatchSizesEveryWayAndTheRatios() {
        CliTest.Result r = CliTest.succeed("bench", "update", "--seconds", "0.2");
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).startsWith("lantern bench update: grid/four-rooms-v1, MLP 1183-64-64-(4+1) tanh"), lines.get(0));
        for (int batch : new int[] {32, 256}) {
            String prefix = batch + " ";
            for (String way : new String[] {"Lantern PPO step (fast pass)", "Lantern PPO step (DL4J graph calls)",
                "DL4J MultiLayerNetwork.fit"}) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix) && l.contains(way)
                        && l.matches(".*[0-9,]+ +\\([0-9,]+ - [0-9,]+\\)")), batch + " " + way + " missing:\n" + r.out());
            }
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix) && l.contains("ratio fast pass / fit")
                    && l.matches(".* [0-9]+\\.[0-9]{2}x +\\([0-9.]+x - [0-9.]+x\\)")), "ratio at " + batch + ":\n" + r.out());
        }
        String collect = lines.get(lines.size() - 1);
        assertTrue(collect.matches("PPO collect, 16 envs x 64 steps, default config +[0-9,]+ env steps/s .*"), collect);
    }
}
