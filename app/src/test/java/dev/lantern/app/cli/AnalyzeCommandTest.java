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
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lantern analyze} through the CLI: a tiny trained run's circuits.json, and bad run directories. */
class AnalyzeCommandTest {

    private static Path tinyRun(Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("tiny.json"), """
                {"name": "tiny", "env": {"id": "grid/empty-8x8-v1"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 256, "evalEpisodes": 1, "checkpointEveryEnvSteps": 128},
                 "lca": {"enabled": false}}
                """);
        Path run = tmp.resolve("run");
        Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        return run;
    }

    @Test
    void aTrainedRunsNewestCheckpointIsAnalyzedIntoCircuitsJson(@TempDir Path tmp) throws Exception {
        Path run = tinyRun(tmp);
        Result r = lantern("analyze", run.toString());
        assertEquals(0, r.code(), r.err());
        Path file = run.resolve("analysis/step-000000256/circuits.json");
        assertTrue(Files.isRegularFile(file), r.out());
        JsonObject c = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("step-000000256", c.get("checkpoint").getAsString());
        assertEquals(256, c.get("envSteps").getAsLong());
        int states = c.get("states").getAsInt();
        assertTrue(states > 0);
        JsonArray health = c.getAsJsonArray("layerHealth");
        Set<String> sites = new HashSet<>();
        for (JsonElement e : health) {
            sites.add(e.getAsJsonObject().get("site").getAsString());
        }
        assertTrue(sites.contains("torso.dense0") || sites.stream().anyMatch(s -> s.startsWith("torso")), sites.toString());
        int neurons = 0;
        for (JsonElement e : health) {
            JsonObject h = e.getAsJsonObject();
            if (h.get("site").getAsString().startsWith("torso")) {
                neurons += h.get("width").getAsInt();
            }
        }
        for (String kind : new String[] {"zero", "mean", "resample"}) {
            JsonArray rows = c.getAsJsonObject("ablation").getAsJsonArray(kind);
            assertTrue(rows.size() >= neurons, kind + ": " + rows.size() + " rows for " + neurons + " torso neurons");
            for (JsonElement e : rows) {
                double kl = e.getAsJsonObject().get("policyKl").getAsDouble();
                assertTrue(kl >= 0, "a KL divergence is never negative: " + kl);
            }
        }
        JsonObject clean = c.getAsJsonObject("ablation").getAsJsonObject("clean");
        assertTrue(Double.isFinite(clean.get("valueErrorStar").getAsDouble()), clean.toString());
        assertTrue(c.getAsJsonObject("ablation").getAsJsonArray("resample").get(0).getAsJsonObject()
                .has("returnChange"));
        JsonArray steering = c.getAsJsonArray("steering");
        assertEquals(2, steering.size(), "one row per torso layer");
        for (JsonElement e : steering) {
            JsonArray coefficients = e.getAsJsonObject().getAsJsonArray("coefficients");
            assertEquals(5, coefficients.size());
            JsonObject zero = coefficients.get(2).getAsJsonObject();
            assertEquals(0.0, zero.get("coefficient").getAsDouble());
            assertEquals(0.0, zero.get("greedyChanged").getAsDouble(), "coefficient 0 changes nothing");
            assertEquals(clean.getAsJsonObject("greedy"), zero.getAsJsonObject("greedy"));
        }
        JsonArray probes = c.getAsJsonArray("probes");
        assertFalse(probes.isEmpty());
        boolean definedRow = false;
        for (JsonElement e : probes) {
            JsonObject p = e.getAsJsonObject();
            assertTrue(p.has("shuffled") && p.has("random") && p.has("chance"), p.toString());
            definedRow |= !p.has("undefined") && Double.isFinite(p.get("score").getAsDouble())
                    && Double.isFinite(p.get("random").getAsDouble())
                    && Double.isFinite(p.get("shuffled").getAsDouble());
        }
        assertTrue(definedRow, "some probe has both controls: " + probes);
        JsonObject www = c.getAsJsonObject("whatWhenWhere");
        assertEquals(2, www.getAsJsonArray("checkpoints").size()); // steps 128 and 256
        assertEquals(www.getAsJsonArray("concepts").size() * www.getAsJsonArray("sites").size() * 2,
                www.getAsJsonArray("rows").size());
        assertTrue(www.getAsJsonArray("rows").get(0).getAsJsonObject().has("envSteps"));
        JsonArray pairSets = c.getAsJsonObject("patching").getAsJsonArray("pairSets");
        assertEquals(4, pairSets.size(), "every built-in pair set: " + pairSets);
        JsonObject moved = pairSets.get(0).getAsJsonObject();
        assertEquals("moved one cell right", moved.get("pairs").getAsString());
        JsonArray patchedSites = moved.getAsJsonArray("sites");
        assertEquals(2 * 4, patchedSites.size(), "4 sites (2 layers, .pre and after) x 2 outputs: " + patchedSites);
        for (JsonElement e : patchedSites) {
            JsonObject p = e.getAsJsonObject();
            assertTrue(p.get("site").getAsString().startsWith("torso."), p.toString());
            assertTrue(p.has("standardError") && p.has("meanRestored") && p.get("definedPairs").getAsInt() >= 0,
                    p.toString());
            if (p.get("definedPairs").getAsInt() > 0 && !p.get("site").getAsString().endsWith(".pre")) {
                assertEquals(1.0, p.get("pooledRestored").getAsDouble(), "a whole layer restores all: " + p);
            }
        }
        assertEquals(2 * 16, moved.getAsJsonArray("neurons").size(), "every neuron of the 8-8 torso, 2 outputs");
        double previous = Double.POSITIVE_INFINITY;
        for (JsonElement e : moved.getAsJsonArray("neurons")) {
            double pooled = e.getAsJsonObject().get("pooledRestored").getAsDouble();
            if (!Double.isNaN(pooled)) {
                assertTrue(Math.abs(pooled) <= previous, "neurons sorted by |pooledRestored|: " + e);
                previous = Math.abs(pooled);
            }
        }
        for (JsonElement e : pairSets.asList().subList(1, 4)) {
            assertTrue(e.getAsJsonObject().get("undefined").getAsString().startsWith("the map has no")
                    || e.getAsJsonObject().get("undefined").getAsString().startsWith("no state of the map has"),
                    "the empty map has no key, trigger or supervisor: " + e);
        }
        assertTrue(r.out().contains("top neurons"), r.out());
        JsonObject attribution = c.getAsJsonObject("attribution");
        JsonObject all = attribution.getAsJsonArray("baselines").get(0).getAsJsonObject();
        assertTrue(all.get("maxCompletenessError").getAsDouble() < 1e-3, all.toString());
        assertTrue(all.get("meanCompletenessError").getAsDouble() <= all.get("maxCompletenessError").getAsDouble());
        assertEquals(64, attribution.getAsJsonObject("occlusionAtStart").getAsJsonArray("wall").size());
        JsonObject ig = all.getAsJsonObject("start");
        double error = ig.get("completenessError").getAsDouble();
        assertTrue(Double.isFinite(error) && error >= 0, "completeness error " + error);
        double gap = ig.get("outputValue").getAsDouble() - ig.get("baselineValue").getAsDouble();
        assertEquals(gap, ig.get("sum").getAsDouble(), error * Math.abs(gap) * (1 + 1e-9),
                "completeness: the attributions sum to the gap within the reported relative error");
        assertTrue(error < 1e-3, "64 steps on a small network integrate closely: " + error);
        assertEquals(64, ig.getAsJsonArray("perCell").size());
        assertTrue(r.out().contains("completeness error"), r.out());
        assertTrue(r.out().contains("shuffled labels"), r.out());

        for (String figure : new String[] {"layer-health", "ig-start", "what-when-where", "ablation-mean", "steering",
            "steering-path", "patching-0-moved-one-cell-right"}) {
            Path png = file.resolveSibling("figures").resolve(figure + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(image != null && image.getWidth() >= 300 && image.getHeight() >= 200, png + ": " + image);
        }

        Path other = tmp.resolve("elsewhere");
        Result r2 = lantern("analyze", run.toString(), "--checkpoint", "128", "--out", other.toString(),
                "--no-figures");
        assertEquals(0, r2.code(), r2.err());
        JsonObject c2 = JsonParser.parseString(Files.readString(other.resolve("circuits.json"))).getAsJsonObject();
        assertEquals(128, c2.get("envSteps").getAsLong());
        assertFalse(Files.exists(other.resolve("figures")), "--no-figures writes none");
        Path again = tmp.resolve("again");
        assertEquals(0, lantern("analyze", run.toString(), "--out", again.toString(), "--no-figures").code());
        assertEquals(Files.readString(file).replace(run.toString(), ""),
                Files.readString(again.resolve("circuits.json")).replace(run.toString(), ""),
                "the same checkpoint gives the same circuits.json");
    }

    @Test
    void aMissingOrCorruptRunExits2AndWritesNothing(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("no-such-run");
        Result r = lantern("analyze", missing.toString());
        assertEquals(LanternCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains(missing.toString()), r.err());
        assertFalse(Files.exists(missing));

        Path game = Files.createDirectories(tmp.resolve("game-run"));
        Files.writeString(game.resolve("config.json"), """
                {"name": "g", "env": {"id": "game/tic-tac-toe-v1"}, "agent": {"type": "alphazero"}}
                """);
        Result gameRun = lantern("analyze", game.toString());
        assertEquals(LanternCli.BAD_INPUT, gameRun.code(), gameRun.out());
        assertTrue(gameRun.err().contains(game.resolve("checkpoints").toString())
                && gameRun.err().contains("no checkpoint"), "a game run is analysed, but this one has no checkpoint: "
                + gameRun.err());
        Path broken = Files.createDirectories(tmp.resolve("broken-run"));
        Files.writeString(broken.resolve("config.json"), "{");
        Result brokenRun = lantern("analyze", broken.toString());
        assertEquals(LanternCli.BAD_INPUT, brokenRun.code(), brokenRun.out());
        assertTrue(brokenRun.err().contains(broken.resolve("config.json").toString()), brokenRun.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertFalse(s.anyMatch(p -> Files.exists(p.resolve("analysis"))), "nothing written");
        }

        Path run = tinyRun(tmp);
        Path ckpt = run.resolve("checkpoints/step-000000256");
        Files.writeString(ckpt.resolve("network.zip"), "not a zip");
        Result corrupt = lantern("analyze", run.toString());
        assertEquals(LanternCli.BAD_INPUT, corrupt.code(), corrupt.out());
        assertTrue(corrupt.err().contains(ckpt.resolve("network.zip").toString()), corrupt.err());
        assertFalse(Files.exists(run.resolve("analysis")));

        Result noSuch = lantern("analyze", run.toString(), "--checkpoint", "999");
        assertEquals(LanternCli.BAD_INPUT, noSuch.code());
        assertTrue(noSuch.err().contains("step-000000999"), noSuch.err());

        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p.resolve("network.zip"));
            }
        }
        Result none = lantern("analyze", run.toString());
        assertEquals(LanternCli.BAD_INPUT, none.code());
        assertTrue(none.err().contains("no checkpoint"), none.err());
        assertFalse(Files.exists(run.resolve("analysis")));
    }

    @Test
    void aPairFileAddsItsPairSetsAndABadOneExits2WritingNothing(@TempDir Path tmp) throws Exception {
        Path run = tinyRun(tmp);
        Path good = Files.writeString(tmp.resolve("pairs.json"), """
                [{"name": "left half vs right half", "clean": {"column": [1, 3], "decision": true},
                  "corrupted": {"column": [4, 6]}, "match": ["row"]},
                 {"clean": {"hasKey": true}, "corrupted": {}}]
                """);
        Path out = tmp.resolve("with-pairs");
        Result r = lantern("analyze", run.toString(), "--pairs", good.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonArray sets = JsonParser.parseString(Files.readString(out.resolve("circuits.json"))).getAsJsonObject()
                .getAsJsonObject("patching").getAsJsonArray("pairSets");
        assertEquals(6, sets.size(), sets.toString());
        JsonObject halves = sets.get(4).getAsJsonObject();
        assertEquals("left half vs right half", halves.get("pairs").getAsString());
        assertEquals("file", halves.get("source").getAsString());
        assertEquals(3 * 3 * 6, halves.get("pairCount").getAsInt(), "rows 1..6: 3 left cells x 3 right cells each");
        assertTrue(sets.get(5).getAsJsonObject().get("undefined").getAsString().contains("clean predicate"),
                sets.get(5).toString());

        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"clean\": {\"hasKye\": true}, \"corrupted\": 3}");
        Path nowhere = tmp.resolve("nowhere");
        Result b = lantern("analyze", run.toString(), "--pairs", bad.toString(), "--out", nowhere.toString());
        assertEquals(LanternCli.BAD_INPUT, b.code(), b.out());
        assertTrue(b.err().contains(bad + ": clean.hasKye: unknown field"), b.err());
        assertTrue(b.err().contains(bad + ": corrupted: expected a predicate object"), b.err());
        Result missing = lantern("analyze", run.toString(), "--pairs", tmp.resolve("none.json").toString(), "--out",
                nowhere.toString());
        assertEquals(LanternCli.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("cannot read"), missing.err());
        assertFalse(Files.exists(nowhere), "nothing written");
    }
}
