package dev.lantern.app.dynamics;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.app.analyze.Figures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generalisation section reads the train and test curves of a level-family run and reports the final gap with
 * its binomial standard error, against values worked out by hand: the run's evaluation lines are replaced by known
 * ones (4 levels per split, as its manifest says).
 */
class GeneralisationSectionTest {

    @Test
    void theFinalGapAndItsStandardErrorAreTheHandValues(@TempDir Path tmp) throws Exception {
        Path run = tinyRun(tmp, "maze", "\"grid/procedural-maze-15-v1\", \"maxEpisodeSteps\": 96");
        Path metrics = run.resolve("metrics.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(metrics).stream()
                .filter(l -> !l.contains("\"eval/train/") && !l.contains("\"eval/test/")).toList());
        double[][] known = {{256, 0.5, 0.25, 0.2, -1.0}, {512, 1.0, 0.5, 0.9, 0.1}};
        for (double[] k : known) {
            lines.add(line((long) k[0], "eval/train/success", k[1]));
            lines.add(line((long) k[0], "eval/test/success", k[2]));
            lines.add(line((long) k[0], "eval/train/normalized_return", k[3]));
            lines.add(line((long) k[0], "eval/test/normalized_return", k[4]));
        }
        Files.write(metrics, lines);
        Path fixed = tinyRun(tmp, "room", "\"grid/empty-8x8-v1\"");

        StringWriter text = new StringWriter();
        Figures figures = new Figures();
        DynamicsContext context = new DynamicsContext(List.of(DynamicsRun.load(run), DynamicsRun.load(fixed)),
                new PrintWriter(text, true), figures, DynamicsOptions.defaults());
        JsonArray out = new GeneralisationSection().write(context).getAsJsonArray();

        JsonObject maze = out.get(0).getAsJsonObject();
        assertTrue(maze.get("applies").getAsBoolean());
        assertEquals(4, maze.get("trainLevels").getAsInt());
        assertEquals(4, maze.get("testLevels").getAsInt());
        assertEquals(512, maze.get("finalStep").getAsLong());
        assertEquals(0.5, maze.get("finalGap").getAsDouble(), 1e-12);
        // train 1.0 of 4: error 0; test 0.5 of 4: sqrt(0.5 x 0.5 / 4) = 0.25
        assertEquals(0.25, maze.get("finalGapStandardError").getAsDouble(), 1e-12);
        assertEquals(0.25, maze.getAsJsonArray("testSuccess").get(0).getAsDouble());
        assertEquals(-1.0, maze.getAsJsonArray("testNormalizedReturn").get(0).getAsDouble());
        assertTrue(text.toString().contains("greedy success train 1.00 ± 0.00 (4 levels) vs test 0.50 ± 0.25 (4 held-out"
                + " levels), gap 0.50; normalized return train 0.900 vs test 0.100"), text.toString());
        JsonObject room = out.get(1).getAsJsonObject();
        assertFalse(room.get("applies").getAsBoolean());
        assertTrue(figures.names().contains(GeneralisationSection.FIGURE));
        assertEquals(Math.sqrt(2.0 / 27), GeneralisationSection.standardError(1 / 3.0, 3), 1e-12);
    }

    private static String line(long step, String name, double value) {
        return "{\"step\": " + step + ", \"time\": 1.0, \"name\": \"" + name + "\", \"value\": " + value + "}";
    }

    private static Path tinyRun(Path tmp, String name, String env) throws Exception {
        Path config = experimentFile(tmp.resolve(name + ".json"), """
                {"name": "%s", "seed": 1, "env": {"id": %s},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 512, "evalEpisodes": 4, "checkpointEveryEnvSteps": 256,
                              "evalEveryEnvSteps": 256},
                 "lca": {"enabled": false}}
                """.formatted(name, env));
        Path run = tmp.resolve(name);
        var r = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        return run;
    }
}
