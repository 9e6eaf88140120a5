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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lantern dynamics} through the CLI: two tiny runs' dynamics.json, and bad input. */
public class DynamicsCommandTest {

    /** A tiny PPO run on {@code env} with {@code seed}, checkpointed twice. */
    public static Path tinyRun(Path tmp, String name, String env, long seed) throws Exception {
        Path config = experimentFile(tmp.resolve(name + ".json"), """
                {"name": "%s", "seed": %d, "env": {"id": "%s"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 256, "evalEpisodes": 1, "checkpointEveryEnvSteps": 128},
                 "lca": {"enabled": false}}
                """.formatted(name, seed, env));
        Path run = tmp.resolve(name);
        Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        return run;
    }

    @Test
    void twoSeedsAreReadIntoDynamicsJson(@TempDir Path tmp) throws Exception {
        Path a = tinyRun(tmp, "a", "grid/empty-8x8-v1", 1);
        Path b = tinyRun(tmp, "b", "grid/empty-8x8-v1", 2);
        Path out = tmp.resolve("dyn");
        Result r = lantern("dynamics", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject d = JsonParser.parseString(Files.readString(out.resolve("dynamics.json"))).getAsJsonObject();
        assertEquals(2, d.getAsJsonArray("runs").size());
        assertEquals("grid/empty-8x8-v1", d.get("env").getAsString());
        JsonArray info = d.getAsJsonArray("runInfo");
        assertEquals(1, info.get(0).getAsJsonObject().get("seed").getAsLong());
        assertEquals(2, info.get(1).getAsJsonObject().get("seed").getAsLong());
        assertTrue(info.get(0).getAsJsonObject().getAsJsonArray("checkpoints").size() >= 2, info.toString());
        assertTrue(info.get(0).getAsJsonObject().getAsJsonObject("finalEvaluation").has("eval/return"));
        assertTrue(r.out().contains("a: ppo seed 1"), r.out());
        JsonArray phases = d.getAsJsonArray("phases");
        assertEquals(2, phases.size());
        JsonObject p = phases.get(0).getAsJsonObject();
        assertTrue(p.has("events") && p.get("events").isJsonArray(), p.toString());
        JsonArray concepts = p.getAsJsonArray("concepts");
        assertTrue(concepts.size() >= 3, "the built-in concepts of the map: " + concepts);
        JsonObject c = concepts.get(0).getAsJsonObject();
        assertEquals(0, c.getAsJsonArray("steps").get(0).getAsLong(), "step 0 is the untrained network");
        assertEquals(c.getAsJsonArray("steps").size(), c.getAsJsonArray("bestScore").size());
        assertTrue(Files.isRegularFile(out.resolve("figures/phases-a.png")));

        Result twice = lantern("dynamics", a.toString(), a.toString(), "--out", tmp.resolve("twice").toString());
        assertEquals(0, twice.code(), "one run given twice is compared with itself: " + twice.err());
        assertTrue(Files.isRegularFile(tmp.resolve("twice/figures/phases-a-2.png")));
    }

    @Test
    void runsOnDifferentEnvironmentsAreBadInputAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path a = tinyRun(tmp, "a", "grid/empty-8x8-v1", 1);
        Path b = tinyRun(tmp, "b", "grid/four-rooms-v1", 1);
        Path out = tmp.resolve("dyn");
        Result r = lantern("dynamics", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("trained on grid/four-rooms-v1"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingRunIsBadInputNamingIt(@TempDir Path tmp) {
        Result r = lantern("dynamics", tmp.resolve("nope").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nope: no such run directory"), r.err());
    }
}
