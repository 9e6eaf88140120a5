package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.train.StopAfter;
import dev.lantern.agents.train.TrainingControl;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.app.engine.ExperimentRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Divergence through the CLI: a run whose loss goes NaN ends {@code failed} with one line and exit 1, keeping its last
 * finite checkpoint; {@code resume} says why it will not repeat it (exit 2, nothing touched); a learning rate above 1
 * is a loud warning, and the run goes ahead.
 */
class DivergenceCliTest {

    /**
     * PPO with one update per iteration and a learning rate of 1e30: the first update throws the parameters to about
     * 1e30 (finite, checkpointed at step 64), the second iteration's numbers are NaN.
     */
    private static final String DIVERGING = """
            {"name": "nan", "seed": 3, "env": {"id": "grid/empty-5x5-v1"},
             "agent": {"type": "ppo", "numEnvs": 2, "rolloutSteps": 32, "epochs": 1, "minibatchSize": 64,
                       "learningRate": 1e30, "maxGradNorm": 0, "annealLearningRate": false, "hiddenSizes": [8, 8]},
             "training": {"totalEnvSteps": 640, "evalEpisodes": 1, "checkpointEveryEnvSteps": 64},
             "lca": {"probeSize": 16}}
            """;

    private static final String LR_WARNING = "agent.learningRate: 1.0E30 is above 1, far outside the usual range";

    @Test
    void aDivergingRunFailsWithOneLineAndKeepsItsLastFiniteCheckpoint(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("nan.json"), DIVERGING);
        Path run = tmp.resolve("run");
        CliTest.Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(1, r.code(), r.err());
        List<String> err = r.err().lines().toList();
        assertEquals(List.of("lantern run: warning: " + config + ": " + LR_WARNING),
                err.stream().filter(l -> l.contains("warning")).map(l -> l.replaceFirst(" range.*", " range")).toList());
        List<String> failed = err.stream().filter(l -> l.contains("failed")).toList();
        assertEquals(1, failed.size(), r.err());
        assertTrue(failed.get(0).startsWith("lantern run: failed: training diverged at env step 128: "), failed.get(0));
        assertTrue(failed.get(0).contains("is NaN; lower agent.learningRate"), failed.get(0));
        assertTrue(r.out().contains("failed in "), r.out());
        // The summary does not print a table of NaNs as if it were an allocation.
        assertTrue(r.out().contains("loss change allocation: not finite"), r.out());
        assertTrue(!r.out().contains("NaN"), r.out());

        JsonObject m = manifest(run);
        assertEquals("failed", m.get("status").getAsString());
        JsonObject d = m.getAsJsonObject("divergence");
        assertEquals(128, d.get("envStep").getAsLong());
        assertEquals("NaN", d.get("value").getAsString());
        assertEquals("step-000000064", d.get("lastGoodCheckpoint").getAsString());
        List<String> warnings = new ArrayList<>();
        m.getAsJsonArray("warnings").forEach(w -> warnings.add(w.getAsString()));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(LR_WARNING), warnings.toString());
        assertTrue(warnings.get(1).startsWith("runaway at env step 64: parameters (L2 norm) reached"),
                warnings.toString());
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            assertEquals(List.of("step-000000064"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.exists(run.resolve("checkpoints/step-000000064/agent.state")), "resumable for analysis");
        // The diverged iteration's lines are written, the NaN among them; nothing after it.
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        String last = lines.get(lines.size() - 1);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"step\": 128") && l.contains("\"value\": \"NaN\"")),
                last);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"step\": 128") && l.contains("time/steps_per_second")));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"eval/")), "no evaluation of a diverged policy");
    }

    @Test
    void resumingADivergedRunSaysWhyAndChangesNothing(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("nan.json"), DIVERGING);
        Path run = tmp.resolve("run");
        assertEquals(1, lantern("run", "--config", config.toString(), "--out", run.toString()).code());
        JsonObject d = manifest(run).getAsJsonObject("divergence");
        byte[] manifestBefore = Files.readAllBytes(run.resolve("manifest.json"));
        byte[] metricsBefore = Files.readAllBytes(run.resolve("metrics.jsonl"));
        CliTest.Result r = lantern("resume", run.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(run + ": this run diverged at env step 128 (" + d.get("metric").getAsString()
                + " is NaN); resuming would repeat it, since training is deterministic: lower agent.learningRate"),
                r.err());
        assertTrue(r.err().strip().endsWith("the last good checkpoint is step-000000064 (kept for analysis)"),
                r.err());
        assertArrayEquals(manifestBefore, Files.readAllBytes(run.resolve("manifest.json")));
        assertArrayEquals(metricsBefore, Files.readAllBytes(run.resolve("metrics.jsonl")));
    }

    /** A run that failed for another reason (a crash) resumes as before. */
    @Test
    void aRunThatFailedOtherwiseStillResumes(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("ok.json"), """
                {"name": "ok", "seed": 2, "env": {"id": "grid/empty-5x5-v1"},
                 "agent": {"numEnvs": 2, "rolloutSteps": 32, "minibatchSize": 32, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 256, "evalEpisodes": 1, "checkpointEveryEnvSteps": 64},
                 "lca": {"probeSize": 16}}
                """);
        Path run = tmp.resolve("run");
        TrainingControl control = new TrainingControl();
        ExperimentRun er = ExperimentRun.builder(ExperimentLoader.load(config)).runDirectory(run).control(control)
                .observer(StopAfter.iterations(control, 2)).build();
        assertEquals("interrupted", er.run().status());
        Path manifest = run.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"interrupted\"", "\"failed\"")
                .replaceFirst("\\{", "{\"failure\": \"java.lang.OutOfMemoryError: Java heap space\","));
        CliTest.Result r = lantern("resume", run.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("completed", manifest(run).get("status").getAsString());
    }

    /** A learning rate above 1 is warned about on stderr and in the manifest; the run is the same as ever. */
    @Test
    void aLearningRateAboveOneIsALoudWarningNotAnError(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("lr.json"), """
                {"name": "lr", "seed": 5, "env": {"id": "grid/empty-5x5-v1"},
                 "agent": {"type": "a2c", "numEnvs": 2, "rolloutSteps": 16, "learningRate": 1.5,
                           "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 64, "evalEpisodes": 1}, "lca": {"enabled": false}}
                """);
        List<List<String>> metrics = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path run = tmp.resolve(name);
            CliTest.Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
            assertTrue(r.err().contains("lantern run: warning: " + config + ": agent.learningRate: 1.5 is above 1"),
                    r.err());
            assertEquals(0, r.code(), r.err());
            String warnings = manifest(run).getAsJsonArray("warnings").toString();
            assertTrue(warnings.contains("agent.learningRate: 1.5 is above 1"), warnings);
            metrics.add(Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                    .filter(l -> !l.contains("\"name\": \"time/")).map(l -> l.replaceFirst("\"time\": [^,]+, ", ""))
                    .toList());
        }
        assertEquals(metrics.get(0), metrics.get(1), "the same config and seed train the same");
    }

    private static JsonObject manifest(Path run) throws Exception {
        return JsonParser.parseString(Files.readString(run.resolve("manifest.json"))).getAsJsonObject();
    }
}
