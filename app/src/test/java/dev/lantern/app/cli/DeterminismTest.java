package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same config and seed on CPU give the same metrics, bit for bit, in two separate JVMs (ND4J's global state
 * differs between JVMs, so one JVM would prove less). Only wall-clock values may differ: the {@code time} field and
 * the {@code time/*} metrics.
 */
class DeterminismTest {

    @Test
    void twoJvmsWithTheSameSeedWriteIdenticalMetrics(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("tiny.json"), """
                {"name": "det", "seed": 42, "env": {"id": "grid/key-door-v1"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 64, "minibatchSize": 64, "hiddenSizes": [32, 32]},
                 "training": {"totalEnvSteps": 1024, "evalEpisodes": 2, "evalEveryEnvSteps": 256},
                 "lca": {"probeSize": 64}}
                """);
        List<String> a = metricsWithoutTime(runInNewJvm(config, tmp.resolve("a")));
        List<String> b = metricsWithoutTime(runInNewJvm(config, tmp.resolve("b")));
        assertTrue(a.size() > 50, "too few metrics: " + a.size());
        assertTrue(a.stream().anyMatch(l -> l.contains("lca/total")));
        assertEquals(a, b);
        assertEquals(Files.readString(tmp.resolve("a/lca/steps.jsonl")), Files.readString(tmp.resolve("b/lca/steps.jsonl")));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a/lca/parameters.f64")),
                Files.readAllBytes(tmp.resolve("b/lca/parameters.f64"))));
        // The final network, entry by entry (configuration, parameters, updater state): zip headers carry times.
        Map<String, byte[]> netA = zipEntries(lastNetwork(tmp.resolve("a")));
        Map<String, byte[]> netB = zipEntries(lastNetwork(tmp.resolve("b")));
        assertEquals(netA.keySet(), netB.keySet());
        for (String entry : netA.keySet()) {
            assertTrue(java.util.Arrays.equals(netA.get(entry), netB.get(entry)), "network.zip!" + entry + " differs");
        }
    }

    private static Path lastNetwork(Path run) throws Exception {
        try (var dirs = Files.list(run.resolve("checkpoints"))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("step-")).sorted().reduce((x, y) -> y)
                    .orElseThrow().resolve("network.zip");
        }
    }

    private static Map<String, byte[]> zipEntries(Path zip) throws Exception {
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static Path runInNewJvm(Path config, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.lantern.app.cli.LanternCli", "run", "--config", config.toString(), "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "run did not finish");
        assertEquals(0, p.exitValue(), Files.readString(out.resolveSibling(out.getFileName() + ".log")));
        return out.resolve("metrics.jsonl");
    }

    private static List<String> metricsWithoutTime(Path metrics) throws Exception {
        // Wall clock: the "time" field of every line and the time/* metrics (phase durations, steps per second).
        return Files.readAllLines(metrics).stream().filter(l -> !l.contains("\"name\": \"time/"))
                .map(l -> l.replaceFirst("\"time\": [^,]+, ", "")).toList();
    }
}
