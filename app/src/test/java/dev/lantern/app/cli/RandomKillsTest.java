package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: one run killed at many moments drawn from a seed, each time in a new JVM, then resumed (or, when it
 * was killed before it wrote its configuration, started again with {@code run --out}, which reuses the directory)
 * until it completes; it must end with exactly the files of a run never stopped ({@link SameRun}). The moments are
 * writes of run files, where the test hook ({@code lantern.test.faults}) half-writes the data and halts the process as
 * a {@code SIGKILL} would: a metrics or LCA line, a checkpoint file (leaving a {@code .tmp-step-*} folder), the
 * manifest, the final LCA files. The first kill is always before the first checkpoint (the run is then trained again
 * from scratch), the second always in the middle of a checkpoint write.
 */
class RandomKillsTest {

    private static final int KILLED = 137; // FaultInjection's halt status

    private static final String CONFIG = """
            {"name": "kills", "seed": 17, "env": {"id": "grid/key-door-v1"},
             "agent": {"type": "ppo", "numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [16, 16]},
             "training": {"totalEnvSteps": 1024, "evalEpisodes": 2, "checkpointEveryEnvSteps": 256,
                          "evalEveryEnvSteps": 128},
             "lca": {"probeSize": 16}}
            """;
    private static final long TOTAL = 1024;
    /** LCA steps per iteration: 4 epochs of 128 / 64 minibatches. */
    private static final int UPDATES_PER_ITERATION = 8;

    @Test
    void aRunKilledAtTenRandomMomentsResumesToExactlyTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        killRepeatedly(tmp, 10, 9);
    }

    @Tag("slow")
    @Test
    void aRunKilledAtFiftyRandomMomentsResumesToExactlyTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        killRepeatedly(tmp, 50, 2026);
    }

    private static void killRepeatedly(Path tmp, int kills, long seed) throws Exception {
        Path config = experimentFile(tmp.resolve("kills.json"), CONFIG);
        Path whole = tmp.resolve("whole");
        CliTest.Result r = CliTest.lantern("run", "--config", config.toString(), "--out", whole.toString());
        assertEquals(0, r.code(), r.err());
        long wholeLines = Files.readAllLines(whole.resolve("metrics.jsonl")).size();
        long linesBeforeFirstCheckpoint = SameRun.metricsLinesAt(whole, "step-000000256");

        Random random = new Random(seed);
        Path run = tmp.resolve("killed");
        List<String> schedule = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            Resumable at = resumable(run);
            String fault = i == 0 ? beforeFirstCheckpoint(random, linesBeforeFirstCheckpoint)
                    : i == 1 ? duringCheckpoint(random, at)
                    : anyMoment(random, at, wholeLines);
            schedule.add(fault + " (from " + at.step() + ")");
            long started = System.nanoTime();
            Process p = KillAndResumeTest.start(tmp, jvmOptions("-Dlantern.test.faults=" + fault), command(run, config));
            int code = KillAndResumeTest.finish(p, run);
            System.out.printf("kill %d: %s from step %d, %.1f s%n", i + 1, fault, at.step(),
                    (System.nanoTime() - started) / 1e9);
            assertEquals(KILLED, code, "kill " + (i + 1) + " did not happen; schedule " + schedule + "; see "
                    + tmp.resolve("processes.log"));
        }
        int code = KillAndResumeTest.finish(KillAndResumeTest.start(tmp, jvmOptions(), command(run, config)), run);
        assertEquals(0, code, "the last resume failed; schedule " + schedule + "; see " + tmp.resolve("processes.log"));
        SameRun.assertSameResult(whole, run);
        assertTrue(Files.readString(run.resolve("manifest.json")).contains("\"status\": \"completed\""));
    }

    /**
     * The child JVMs' options: short-lived, so they start faster with the client compiler and the serial collector
     * (neither changes a result: Java's arithmetic is strict, and ND4J computes natively).
     */
    private static List<String> jvmOptions(String... more) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        options.addAll(List.of(more));
        return options;
    }

    /** {@code resume}, or {@code run --out} for a run killed before it wrote {@code config.json}. */
    private static String[] command(Path run, Path config) {
        return Files.exists(run.resolve("config.json")) ? new String[] {"resume", run.toString()}
                : new String[] {"run", "--config", config.toString(), "--out", run.toString()};
    }

    /** Where the next process starts: the newest resumable checkpoint's step and metrics lines (0, 0 without one). */
    private record Resumable(long step, long metricsLines) {
    }

    private static Resumable resumable(Path run) throws Exception {
        if (!Files.isDirectory(run.resolve("checkpoints"))) {
            return new Resumable(0, 0);
        }
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            String newest = s.filter(c -> c.getFileName().toString().matches("step-\\d{9}")
                    && Files.exists(c.resolve("agent.state")) && Files.exists(c.resolve("recorders.state")))
                    .map(c -> c.getFileName().toString()).max(String::compareTo).orElse(null);
            return newest == null ? new Resumable(0, 0)
                    : new Resumable(Long.parseLong(newest.substring(5)), SameRun.metricsLinesAt(run, newest));
        }
    }

    private static String beforeFirstCheckpoint(Random random, long lines) {
        return switch (random.nextInt(6)) {
            case 0 -> "halt:config.json:1";
            case 1 -> "halt:manifest.json:1";
            case 2 -> "halt:steps.jsonl:" + (1 + random.nextInt(UPDATES_PER_ITERATION));
            default -> "halt:metrics.jsonl:" + (1 + random.nextInt((int) lines));
        };
    }

    /** A kill in the middle of writing one of the next checkpoint's files. */
    private static String duringCheckpoint(Random random, Resumable at) {
        boolean periodicAhead = at.step() < TOTAL; // else only the final checkpoint (network and counters) remains
        String[] files = periodicAhead ? new String[] {"network.zip", "state.json", "agent.state", "recorders.state"}
                : new String[] {"network.zip", "state.json"};
        return "halt:" + files[random.nextInt(files.length)] + ":1";
    }

    /** Any write the next process is sure to make. */
    private static String anyMoment(Random random, Resumable at, long wholeLines) {
        boolean iterationsAhead = at.step() < TOTAL;
        int pick = random.nextInt(20);
        if (pick < 2) {
            return duringCheckpoint(random, at);
        }
        if (pick < 5 && iterationsAhead) {
            return "halt:steps.jsonl:" + (1 + random.nextInt(UPDATES_PER_ITERATION));
        }
        if (pick == 5 && iterationsAhead) {
            return "halt:neurons.jsonl:1";
        }
        if (pick == 6) { // the end of the run: its resume states are gone, so it trains again from scratch
            return new String[] {"halt:parameters.f64:1", "halt:summary.json:1", "halt:manifest.json:2"}[random
                    .nextInt(3)];
        }
        return "halt:metrics.jsonl:" + (1 + random.nextInt((int) (wholeLines - at.metricsLines())));
    }
}
