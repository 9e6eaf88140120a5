package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lantern diff}: a checkpoint against itself is all zero; two checkpoints of a tiny run; bad input. */
class DiffCommandTest {

    @TempDir
    static Path tmp;
    private static Path run;

    @BeforeAll
    static void train() throws Exception {
        run = DynamicsCommandTest.tinyRun(tmp, "a", "grid/empty-8x8-v1", 1);
    }

    private static JsonObject read(Path dir) throws Exception {
        return JsonParser.parseString(Files.readString(dir.resolve("diff.json"))).getAsJsonObject();
    }

    @Test
    void aCheckpointAgainstItselfIsAllZero() throws Exception {
        Path out = tmp.resolve("self");
        Result r = lantern("diff", run + "@128", run + "@128", "--out", out.toString(), "--no-figures");
        assertEquals(0, r.code(), r.err());
        JsonObject d = read(out);
        for (JsonElement layer : d.getAsJsonArray("parameters")) {
            JsonObject l = layer.getAsJsonObject();
            assertEquals(0.0, l.get("l2").getAsDouble(), l.toString());
            assertEquals(0.0, l.get("maxAbs").getAsDouble(), l.toString());
            assertEquals(0.0, l.get("relative").getAsDouble(), l.toString());
        }
        JsonObject p = d.getAsJsonObject("policy");
        assertEquals(0.0, p.get("klForward").getAsDouble());
        assertEquals(0.0, p.get("totalVariation").getAsDouble());
        assertEquals(1.0, p.get("agreement").getAsDouble());
        assertEquals(0.0, p.get("maxAbsValueDiff").getAsDouble());
        for (JsonElement n : d.getAsJsonObject("neurons").getAsJsonArray("byEffect")) {
            assertEquals(0.0, n.getAsJsonObject().get("effectChange").getAsDouble(), n.toString());
            assertEquals(0.0, n.getAsJsonObject().get("descriptionChange").getAsDouble(), n.toString());
        }
        assertEquals(0, d.getAsJsonObject("neurons").get("conceptChanged").getAsInt());
        assertFalse(Files.exists(out.resolve("figures")));
    }

    @Test
    void twoCheckpointsOfATinyRunDifferAndAreDrawn() throws Exception {
        Result r = lantern("diff", run + "@128", run.toString(), "--top", "3");
        assertEquals(0, r.code(), r.err());
        Path out = run.resolve("analysis").resolve("diff-128-256");
        JsonObject d = read(out);
        assertEquals(256, d.getAsJsonObject("b").get("step").getAsLong(), "no @STEP: the newest checkpoint");
        JsonObject all = d.getAsJsonArray("parameters").get(4).getAsJsonObject();
        assertEquals("all", all.get("layer").getAsString());
        assertTrue(all.get("l2").getAsDouble() > 0, all.toString());
        assertTrue(d.getAsJsonObject("policy").get("totalVariation").getAsDouble() > 0);
        assertEquals(3, d.getAsJsonArray("topValueChanges").size());
        assertEquals(3, d.getAsJsonObject("neurons").getAsJsonArray("byEffect").size());
        for (String f : new String[] {"diff-policy", "diff-value", "diff-parameters", "diff-neurons"}) {
            assertTrue(Files.isRegularFile(out.resolve("figures").resolve(f + ".png")), f);
        }
        assertTrue(r.out().contains("torso.dense0"), r.out());
    }

    @Test
    void aStepTheRunDidNotCheckpointListsTheStepsItHas() {
        Path out = tmp.resolve("none");
        Result r = lantern("diff", run + "@100", run + "@x", "--out", out.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("no checkpoint at step 100 (it has: [128, 256])"), r.err());
        assertTrue(r.err().contains("'x' after @ is not an env step"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void missingRunsAndOtherEnvironmentsAreBadInputAndNothingIsWritten() throws Exception {
        Result missing = lantern("diff", tmp.resolve("nope") + "@128", run + "@128");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope: no such run directory"), missing.err());
        Result noRun = lantern("diff", "@128", run.toString());
        assertEquals(2, noRun.code());
        assertTrue(noRun.err().contains("no run directory before @"), noRun.err());
        Path other = DynamicsCommandTest.tinyRun(tmp, "other", "grid/four-rooms-v1", 1);
        Path out = tmp.resolve("envs");
        Result r = lantern("diff", run.toString(), other.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("trained on grid/four-rooms-v1"), r.err());
        assertFalse(Files.exists(out));
    }
}
