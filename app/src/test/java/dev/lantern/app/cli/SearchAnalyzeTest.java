package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lantern analyze} on a tiny AlphaZero tic-tac-toe run: search.json, its figures, and bad input. */
class SearchAnalyzeTest {

    private static Path tinyRun(Path tmp) throws Exception {
        return tinyRun(tmp, "game/tic-tac-toe-v1");
    }

    /** A tiny AlphaZero run on {@code envId}: 8 simulations, checkpoints at about 100 and 200 env steps. */
    static Path tinyRun(Path tmp, String envId) throws Exception {
        Path config = experimentFile(tmp.resolve("az.json"), """
                {"name": "az", "seed": 3, "env": {"id": "%s"},
                 "agent": {"type": "alphazero", "gamesPerIteration": 8, "simulations": 8, "batchSize": 32,
                           "trainingStepsPerIteration": 4, "hiddenSizes": [16, 16], "evalGames": 2,
                           "evalSimulations": 4, "evalUctSimulations": 4},
                 "training": {"totalEnvSteps": 200, "checkpointEveryEnvSteps": 100},
                 "lca": {"enabled": false}}
                """.formatted(envId));
        Path run = tmp.resolve("run");
        Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        return run;
    }

    @Test
    void everyCheckpointOfAGameRunIsHeldAgainstExactPlay(@TempDir Path tmp) throws Exception {
        Path run = tinyRun(tmp);
        Result r = lantern("analyze", run.toString());
        assertEquals(0, r.code(), r.err());
        Path file = run.resolve("analysis/search/search.json");
        JsonObject s = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(4520, s.get("positions").getAsInt());
        assertEquals(8, s.get("simulations").getAsInt());
        JsonArray rows = s.getAsJsonArray("checkpoints");
        assertTrue(s.getAsJsonObject("gameConcepts").getAsJsonArray("concepts").size() >= 8,
                "the game concepts probed at every layer and checkpoint: " + s.get("gameConcepts"));
        assertTrue(rows.size() >= 2, rows.toString());
        for (JsonElement e : rows) {
            JsonObject row = e.getAsJsonObject();
            for (String f : new String[] {"networkAccuracy", "searchAccuracy", "agreement"}) {
                double v = row.get(f).getAsDouble();
                assertTrue(v >= 0 && v <= 1, f + " " + v);
            }
            assertTrue(row.get("meanKlVisitsPrior").getAsDouble() >= 0, row.toString());
            assertTrue(row.get("priorSumError").getAsDouble() < 1e-6, row.toString());
            assertEquals(row.get("searchAccuracy").getAsDouble() - row.get("networkAccuracy").getAsDouble(),
                    row.get("accuracyGap").getAsDouble(), 1e-12);
        }
        JsonArray top = s.getAsJsonObject("disagreements").getAsJsonArray("positions");
        assertEquals(20, top.size());
        JsonObject first = top.get(0).getAsJsonObject();
        assertEquals(3, first.get("board").getAsString().split("\n").length);
        int visits = 0;
        for (JsonElement v : first.getAsJsonArray("visits")) {
            visits += v.getAsInt();
        }
        assertEquals(8, visits);
        for (String name : new String[] {"search-accuracy", "search-value-error", "search-kl",
            "search-disagreements"}) {
            Path png = run.resolve("analysis/search/figures/" + name + ".png");
            assertTrue(ImageIO.read(png.toFile()).getWidth() > 400, name);
        }
        assertTrue(r.out().contains("KL(visits||prior)"), r.out());
    }

    @Test
    void aMissingCheckpointOfAGameRunIsBadInputAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path run = tinyRun(tmp);
        Result r = lantern("analyze", run.toString(), "--checkpoint", "7");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("step-000000007"), r.err());
        assertFalse(Files.exists(run.resolve("analysis")));
        Files.writeString(run.resolve("config.json"), "{\"env\": {\"id\": \"game/tic-tac-toe-v1\"}, \"agent\": 3}");
        Result bad = lantern("analyze", run.toString());
        assertEquals(2, bad.code(), bad.out());
        assertFalse(Files.exists(run.resolve("analysis")));
    }
}
