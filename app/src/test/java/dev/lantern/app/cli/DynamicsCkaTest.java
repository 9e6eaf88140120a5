package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lantern dynamics}' CKA section on two tiny seeds: the matrices, their self-check, the figures. */
class DynamicsCkaTest {

    private static final List<String> SITES = List.of("torso.dense0.pre", "torso.dense0", "torso.dense1.pre",
            "torso.dense1", "policy.logits", "value.out");

    @Test
    void twoSeedsGetCheckpointAndSiteMatrices(@TempDir Path tmp) throws Exception {
        Path a = DynamicsCommandTest.tinyRun(tmp, "a", "grid/empty-8x8-v1", 1);
        Path b = DynamicsCommandTest.tinyRun(tmp, "b", "grid/empty-8x8-v1", 2);
        Path out = tmp.resolve("dyn");
        Result r = lantern("dynamics", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject d = JsonParser.parseString(Files.readString(out.resolve("dynamics.json"))).getAsJsonObject();
        JsonObject cka = d.getAsJsonObject("cka");
        assertEquals(d.get("states").getAsInt(), cka.get("states").getAsInt());
        assertTrue(cka.get("selfCheckError").getAsDouble() < 1e-12, cka.get("selfCheckError").toString());
        JsonObject run = cka.getAsJsonArray("runs").get(0).getAsJsonObject();
        int steps = run.getAsJsonArray("steps").size();
        assertTrue(steps >= 2, run.toString());
        JsonArray sites = run.getAsJsonArray("sites");
        assertEquals(SITES.size(), sites.size());
        for (int s = 0; s < sites.size(); s++) {
            JsonObject site = sites.get(s).getAsJsonObject();
            assertEquals(SITES.get(s), site.get("site").getAsString());
            JsonArray linear = site.getAsJsonArray("linear");
            assertEquals(steps, linear.size());
            for (int t = 0; t < steps; t++) {
                assertEquals(1, linear.get(t).getAsJsonArray().get(t).getAsDouble(), 1e-12);
                double toFinal = site.getAsJsonArray("linearToFinal").get(t).getAsDouble();
                assertEquals(linear.get(t).getAsJsonArray().get(steps - 1).getAsDouble(), toFinal);
                assertTrue(toFinal >= 0 && toFinal <= 1 + 1e-12, toFinal + "");
                assertEquals(toFinal, linear.get(steps - 1).getAsJsonArray().get(t).getAsDouble(), 1e-15,
                        "symmetric");
            }
        }
        JsonArray pairs = cka.getAsJsonArray("pairs");
        assertEquals(1, pairs.size());
        JsonObject pair = pairs.get(0).getAsJsonObject();
        assertEquals(run.getAsJsonArray("steps").get(steps - 1).getAsLong(), pair.get("step").getAsLong());
        assertEquals(SITES.size(), pair.getAsJsonArray("rows").size());
        assertEquals(SITES.size(), pair.getAsJsonArray("debiased").get(0).getAsJsonArray().size());
        assertEquals(0, cka.getAsJsonArray("undefined").size());
        for (String f : List.of("cka-run1-checkpoints", "cka-run1-to-final", "cka-run2-checkpoints", "cka-run1-run2")) {
            assertTrue(Files.size(out.resolve("figures").resolve(f + ".png")) > 1000, f);
        }
        assertTrue(r.out().contains("cka a: " + steps + " checkpoints x 6 sites"), r.out());
        assertTrue(r.out().contains("cka a vs b at step"), r.out());
        assertTrue(r.out().contains("X,X self-check error"), r.out());
    }
}
