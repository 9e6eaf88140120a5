package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lantern sweep} through the CLI: a 2 x 2 sweep of tiny runs, run again (nothing rerun), with a run directory
 * deleted (retrained to the same metrics), against another grid (refused), with a failing setting, and bad input.
 */
class SweepCommandTest {

    /** A tiny PPO experiment on empty-8x8: a few hundred env steps, checkpointed twice, LCA off. */
    static Path tinyConfig(Path tmp, long steps) throws Exception {
        return experimentFile(tmp.resolve("tiny.json"), """
                {"name": "tiny", "env": {"id": "grid/empty-8x8-v1"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": %d, "evalEpisodes": 1, "checkpointEveryEnvSteps": 128},
                 "lca": {"enabled": false}}
                """.formatted(steps));
    }

    static JsonObject sweepJson(Path sweep) throws Exception {
        return JsonParser.parseString(Files.readString(sweep.resolve("sweep.json"))).getAsJsonObject();
    }

    @Test
    void aSweepRunsEveryRunOnceAndRetrainsADeletedOneToTheSameMetrics(@TempDir Path tmp) throws Exception {
        Path config = tinyConfig(tmp, 256);
        Path sweep = tmp.resolve("sw");
        String[] args = {"sweep", config.toString(), "--seeds", "1..2", "--set", "agent.learningRate=1e-3,3e-3",
            "--parallel", "2", "--out", sweep.toString()};
        Result r = lantern(args);
        assertEquals(0, r.code(), r.out() + r.err());
        JsonObject s = sweepJson(sweep);
        assertEquals("[1,2]", s.get("seeds").toString());
        JsonArray settings = s.getAsJsonArray("settings");
        assertEquals("agent.learningRate=0.001", settings.get(0).getAsJsonObject().get("label").getAsString());
        assertEquals("{\"agent.learningRate\":\"0.003\"}", settings.get(1).getAsJsonObject().get("set").toString());
        JsonArray runs = s.getAsJsonArray("runs");
        assertEquals(4, runs.size());
        Map<String, List<String>> metrics = new HashMap<>();
        for (var e : runs) {
            JsonObject run = e.getAsJsonObject();
            assertEquals("completed", run.get("status").getAsString(), run.toString());
            Path dir = sweep.resolve(run.get("dir").getAsString());
            assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"status\": \"completed\""));
            assertTrue(Files.isRegularFile(sweep.resolve(run.get("log").getAsString())));
            metrics.put(run.get("dir").getAsString(), SameRun.metricsWithoutTime(dir));
        }
        JsonObject runConfig = JsonParser.parseString(Files.readString(sweep.resolve(
                "agent.learningRate=0.003/seed-2/config.json"))).getAsJsonObject();
        assertEquals(0.003, runConfig.getAsJsonObject("agent").get("learningRate").getAsDouble());
        assertEquals(2, runConfig.get("seed").getAsLong());
        assertEquals(metrics.get("agent.learningRate=0.001/seed-1").size(),
                metrics.get("agent.learningRate=0.003/seed-1").size());
        assertFalse(metrics.get("agent.learningRate=0.001/seed-1").equals(metrics.get("agent.learningRate=0.003/seed-1")),
                "the learning rate changes training");

        String aggregate = Files.readString(sweep.resolve("aggregate.json"));
        assertTrue(aggregate.contains("\"format\": \"lantern-sweep-aggregate/1\""), aggregate);
        assertTrue(r.out().contains("aggregate: "), r.out());

        // Run again: every run is complete, nothing is rerun (no run directory or log is touched).
        Path log = sweep.resolve(runs.get(0).getAsJsonObject().get("log").getAsString());
        FileTime logTime = Files.getLastModifiedTime(log);
        Result again = lantern(args);
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("4 completed (skipped), 0 to resume, 0 to start"), again.out());
        assertTrue(again.out().contains("nothing was run"), again.out());
        assertEquals(logTime, Files.getLastModifiedTime(log));

        // A deleted run directory is trained again, to the same metrics bit for bit (wall-clock values aside).
        Path deleted = sweep.resolve("agent.learningRate=0.003/seed-1");
        deleteTree(deleted);
        // What a sweep killed while the run was starting leaves: the run's folder, not yet its config.
        Files.createDirectories(deleted.resolve("checkpoints"));
        Result third = lantern(args);
        assertEquals(0, third.code(), third.out() + third.err());
        assertTrue(third.out().contains("3 completed (skipped), 0 to resume, 1 to start"), third.out());
        assertEquals(metrics.get("agent.learningRate=0.003/seed-1"), SameRun.metricsWithoutTime(deleted));
        assertEquals(aggregate, Files.readString(sweep.resolve("aggregate.json")),
                "a sweep that lost a run and trained it again aggregates to the same file, byte for byte");

        // Another grid against the same directory is refused, naming what differs, and nothing changes.
        String before = Files.readString(sweep.resolve("sweep.json"));
        Result other = lantern("sweep", config.toString(), "--seeds", "1..3", "--set", "agent.learningRate=1e-3,3e-3",
                "--out", sweep.toString());
        assertEquals(2, other.code(), other.out());
        assertTrue(other.err().contains("seeds [1,2] in the sweep, [1,2,3] now"), other.err());
        assertEquals(before, Files.readString(sweep.resolve("sweep.json")));
        assertFalse(Files.exists(sweep.resolve("agent.learningRate=0.001/seed-3")));
    }

    @Test
    void aKilledSweepsChildStopsAndTheSweepResumesToTheUninterruptedMetrics(@TempDir Path tmp) throws Exception {
        Path config = tinyConfig(tmp, 4096);
        Path sweep = tmp.resolve("sw");
        Process p = KillAndResumeTest.start(tmp, List.of(), "sweep", config.toString(), "--seeds", "1", "--out",
                sweep.toString());
        Path run = sweep.resolve("base/seed-1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.isDirectory(run.resolve("checkpoints/step-000000128")) && p.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the sweep ended before it could be killed; raise the budget");
        long child = Long.parseLong(Files.readString(run.resolve(".lock")).trim());
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: the sweep cannot destroy its child itself
        ProcessHandle h = ProcessHandle.of(child).orElse(null);
        if (h != null) {
            h.onExit().get(60, TimeUnit.SECONDS); // the child sees its parent gone and stops
        }
        assertEquals("running", sweepJson(sweep).getAsJsonArray("runs").get(0).getAsJsonObject().get("status")
                .getAsString());
        assertFalse(Files.readString(run.resolve("manifest.json")).contains("\"status\": \"completed\""),
                "the orphaned child trained on to the end");

        Result resumed = lantern("sweep", config.toString(), "--seeds", "1", "--out", sweep.toString());
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("0 completed (skipped), 1 to resume, 0 to start"), resumed.out());
        assertTrue(resumed.out().contains("base seed 1: completed (resumed)"), resumed.out());
        assertTrue(Files.readString(run.resolve("manifest.json")).contains("\"resumes\""));

        Path whole = tmp.resolve("whole");
        Result ref = lantern("run", "--config", sweep.resolve("base/config.json").toString(), "--seed", "1", "--out",
                whole.toString());
        assertEquals(0, ref.code(), ref.err());
        assertEquals(SameRun.metricsWithoutTime(whole), SameRun.metricsWithoutTime(run));
    }

    @Test
    void aFailedRunIsRecordedTheSweepGoesOnAndExitsOne(@TempDir Path tmp) throws Exception {
        Path config = tinyConfig(tmp, 256);
        Path sweep = tmp.resolve("sw");
        Result r = lantern("sweep", config.toString(), "--seeds", "5", "--set", "agent.learningRate=1e30,1e-3",
                "--set", "agent.maxGradNorm=0", "--out", sweep.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        JsonArray runs = sweepJson(sweep).getAsJsonArray("runs");
        JsonObject bad = runs.get(0).getAsJsonObject();
        assertEquals("agent.learningRate=1.0E30, agent.maxGradNorm=0.0", bad.get("setting").getAsString());
        assertEquals("failed", bad.get("status").getAsString());
        assertEquals(1, bad.get("exitCode").getAsInt());
        assertEquals("completed", runs.get(1).getAsJsonObject().get("status").getAsString());
        assertTrue(r.out().contains("failed: agent.learningRate=1.0E30, agent.maxGradNorm=0.0 seed 5 (exit 1), log "),
                r.out());
        assertTrue(Files.readString(sweep.resolve(bad.get("log").getAsString())).contains("diverged"));
    }

    @Test
    void aBadSetValueIsBadInputNamingItAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path config = tinyConfig(tmp, 256);
        Path sweep = tmp.resolve("sw");
        Result r = lantern("sweep", config.toString(), "--seeds", "1..2", "--set", "agent.learningRate=1e-3,-1",
                "--set", "agent.colour=red", "--out", sweep.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--set agent.learningRate=-1: agent.learningRate: must be > 0, got -1.0"), r.err());
        assertTrue(r.err().contains("--set agent.colour=red: agent.colour: unknown key"), r.err());
        assertFalse(r.err().contains("--set agent.learningRate=1e-3:"), r.err());
        assertFalse(Files.exists(sweep));

        Result seeds = lantern("sweep", config.toString(), "--seeds", "3..1", "--out", sweep.toString());
        assertEquals(2, seeds.code());
        assertTrue(seeds.err().contains("--seeds 3..1: the range 3..1 goes down"), seeds.err());
        Result seed = lantern("sweep", config.toString(), "--seeds", "1", "--set", "seed=4", "--out", sweep.toString());
        assertEquals(2, seed.code());
        assertTrue(seed.err().contains("--set seed=4: the seeds of a sweep are given by --seeds"), seed.err());
        Result noSeeds = lantern("sweep", config.toString(), "--out", sweep.toString());
        assertEquals(2, noSeeds.code());
        assertTrue(noSeeds.err().contains("--seeds"), noSeeds.err());
        Result parallel = lantern("sweep", config.toString(), "--seeds", "1", "--parallel", "0", "--out",
                sweep.toString());
        assertEquals(2, parallel.code());
        assertTrue(parallel.err().contains("--parallel: must be in [1, 64], got 0"), parallel.err());
        assertFalse(Files.exists(sweep));
        Files.createDirectories(sweep).resolve("other.txt").toFile().createNewFile();
        Result notSweep = lantern("sweep", config.toString(), "--seeds", "1", "--out", sweep.toString());
        assertEquals(2, notSweep.code());
        assertTrue(notSweep.err().contains("is not empty and holds no sweep.json"), notSweep.err());
        assertEquals(List.of(sweep.resolve("other.txt")), Files.list(sweep).toList());
    }

    static void deleteTree(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
