package dev.lantern.app.analyze;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.app.cli.CliTest.Result;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.engine.GameCheckpoint;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The game-concept what-when-where of a tiny AlphaZero tic-tac-toe run, read from its run directory. */
class GameConceptSectionTest {

    @Test
    void everyConceptLayerAndCheckpointOfATinyAlphaZeroRunIsProbedWithItsControls(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("az.json"), """
                {"name": "az", "seed": 3, "env": {"id": "game/tic-tac-toe-v1"},
                 "agent": {"type": "alphazero", "gamesPerIteration": 4, "simulations": 8, "batchSize": 16,
                           "trainingStepsPerIteration": 2, "hiddenSizes": [16, 16], "evalGames": 2,
                           "evalSimulations": 4, "evalUctSimulations": 4, "cPuct": 1.5},
                 "training": {"totalEnvSteps": 120, "checkpointEveryEnvSteps": 60},
                 "lca": {"enabled": false}}
                """);
        Path run = tmp.resolve("az");
        Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        GameCheckpoint checkpoints = GameCheckpoint.load(run);
        assertTrue(checkpoints.steps().size() >= 2, "checkpoints " + checkpoints.steps());

        Figures figures = new Figures();
        StringWriter text = new StringWriter();
        JsonObject json = new GameConceptSection(0).write(checkpoints, figures, new PrintWriter(text, true));
        assertEquals("game/tic-tac-toe-v1", json.get("game").getAsString());
        assertEquals(4520, json.get("positions").getAsInt());
        int concepts = json.getAsJsonArray("concepts").size();
        int sites = json.getAsJsonArray("sites").size();
        int steps = json.getAsJsonArray("checkpoints").size();
        assertEquals(8, concepts);
        assertEquals(4, sites, json.getAsJsonArray("sites").toString());
        assertEquals(checkpoints.steps().size(), steps);
        JsonArray rows = json.getAsJsonArray("rows");
        assertEquals(concepts * sites * steps, rows.size());
        assertEquals(concepts * sites, json.getAsJsonArray("randomInit").size());
        for (var e : rows) {
            JsonObject row = e.getAsJsonObject();
            if (!row.has("undefined")) {
                assertTrue(Double.isFinite(row.get("shuffled").getAsDouble()), row.toString());
                assertTrue(Double.isFinite(row.get("random").getAsDouble()), row.toString());
                assertEquals(4520, row.get("train").getAsInt() + row.get("test").getAsInt(), row.toString());
            }
        }
        assertTrue(text.toString().contains("minimax value"), text.toString());
        BufferedImage figure = figures.get(GameConceptSection.FIGURE);
        assertTrue(figure.getWidth() >= 720 && figure.getHeight() > 8 * 26, figure.getWidth() + "x" + figure.getHeight());
    }

    @Test
    void aGridRunIsRefusedByName(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("grid.json"), """
                {"name": "g", "seed": 1, "env": {"id": "grid/empty-8x8-v1"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 128, "evalEpisodes": 1, "checkpointEveryEnvSteps": 128},
                 "lca": {"enabled": false}}
                """);
        Path run = tmp.resolve("g");
        assertEquals(0, lantern("run", "--config", config.toString(), "--out", run.toString()).code());
        ConfigException e = assertThrows(ConfigException.class, () -> GameCheckpoint.load(run));
        assertTrue(e.getMessage().contains("grid/empty-8x8-v1") && e.getMessage().contains("not a game run"),
                e.getMessage());
    }
}
