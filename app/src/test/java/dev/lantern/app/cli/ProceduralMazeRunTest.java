package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny PPO run on the procedural maze writes the train and test evaluation at every evaluation step, records the
 * family in its manifest, and {@code lantern analyze} reads it on the named level; a learner that needs one map is
 * refused as bad input.
 */
class ProceduralMazeRunTest {

    private static final String ID = "grid/procedural-maze-15-v1";

    @Test
    void aRunEvaluatesTrainingAndHeldOutLevelsAndIsAnalyzedOnTheNamedLevel(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("maze.json"), """
                {"name": "maze", "seed": 3, "env": {"id": "%s", "maxEpisodeSteps": 96},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 512, "evalEpisodes": 3, "checkpointEveryEnvSteps": 256,
                              "evalEveryEnvSteps": 256},
                 "lca": {"enabled": false}}
                """.formatted(ID));
        Path run = tmp.resolve("maze");
        Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());

        Map<Long, Map<String, Double>> evals = new TreeMap<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            String name = o.get("name").getAsString();
            if (name.startsWith("eval/")) {
                evals.computeIfAbsent(o.get("step").getAsLong(), s -> new TreeMap<>()).put(name,
                        o.get("value").getAsDouble());
            }
        }
        assertEquals(List.of(256L, 512L), List.copyOf(evals.keySet()));
        for (Map<String, Double> m : evals.values()) {
            for (String split : List.of("train", "test")) {
                for (String metric : List.of("return", "length", "success", "normalized_return", "optimal_return")) {
                    assertTrue(m.containsKey("eval/" + split + "/" + metric), split + "/" + metric + " in " + m);
                }
                double success = m.get("eval/" + split + "/success");
                assertTrue(success == 0 || success == 1 / 3.0 || success == 2 / 3.0 || success == 1, "" + success);
                assertTrue(m.get("eval/" + split + "/optimal_return") > 0);
            }
            assertEquals(m.get("eval/train/return"), m.get("eval/return"));
        }
        JsonObject levels = JsonParser.parseString(Files.readString(run.resolve("manifest.json"))).getAsJsonObject()
                .getAsJsonObject("environment").getAsJsonObject("levels");
        assertEquals(200, levels.get("trainingLevels").getAsInt());
        assertEquals(3, levels.get("evalTrainLevels").getAsInt());
        assertEquals(3, levels.get("evalTestLevels").getAsInt());

        Result a = lantern("analyze", run.toString(), "--no-figures", "--out", tmp.resolve("analysis").toString());
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("note: " + ID + " is a level family"), a.out());
    }

    @Test
    void aTimeLimitThatLeavesLevelsUnsolvableIsBadInput(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("short.json"), """
                {"name": "short", "seed": 1, "env": {"id": "%s", "maxEpisodeSteps": 95}}
                """.formatted(ID));
        Result r = lantern("run", "--config", config.toString(), "--out", tmp.resolve("short").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("env.maxEpisodeSteps: must be >= 96 for " + ID), r.err());
        assertFalse(Files.exists(tmp.resolve("short")));
    }

    @Test
    void aTabularLearnerOnALevelFamilyIsBadInput(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("tab.json"), """
                {"name": "tab", "seed": 1, "env": {"id": "%s"}, "agent": {"type": "tabular"},
                 "training": {"totalEnvSteps": 100}}
                """.formatted(ID));
        Path run = tmp.resolve("tab");
        Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("agent.type: 'tabular' cannot train on " + ID + ", a level family"), r.err());
    }
}
