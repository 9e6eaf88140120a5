package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dynamics.json}'s {@code comparison}: a run against itself is zero exactly; two seeds differ and are drawn. */
class ComparisonSectionTest {

    @Test
    void aRunAgainstItselfIsZeroAndTwoSeedsDiffer(@TempDir Path tmp) throws Exception {
        Path a = DynamicsCommandTest.tinyRun(tmp, "a", "grid/empty-8x8-v1", 1);
        Path b = DynamicsCommandTest.tinyRun(tmp, "b", "grid/empty-8x8-v1", 2);
        Path copy = tmp.resolve("a-copy");
        try (Stream<Path> files = Files.walk(a)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(a.relativize(f).toString()));
            }
        }
        Path out = tmp.resolve("dyn");
        Result r = lantern("dynamics", a.toString(), copy.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject c = JsonParser.parseString(Files.readString(out.resolve("dynamics.json"))).getAsJsonObject()
                .getAsJsonObject("comparison");
        assertTrue(c.get("applies").getAsBoolean());
        assertEquals(2, c.getAsJsonArray("matchingSteps").size(), c.toString());
        assertEquals(3, c.getAsJsonArray("pairs").size(), "a-copy, a-b, copy-b");
        JsonObject self = c.getAsJsonArray("pairs").get(0).getAsJsonObject();
        for (JsonElement step : self.getAsJsonArray("steps")) {
            JsonObject s = step.getAsJsonObject();
            assertEquals(0.0, s.get("klSymmetric").getAsDouble(), s.toString());
            assertEquals(0.0, s.get("totalVariation").getAsDouble());
            assertEquals(1.0, s.get("agreement").getAsDouble());
            assertEquals(0.0, s.get("meanAbsValueDiff").getAsDouble());
            for (JsonElement l : s.getAsJsonArray("parameters")) {
                assertEquals(0.0, l.getAsJsonObject().get("l2").getAsDouble(), l.toString());
            }
        }
        JsonObject seeds = c.getAsJsonArray("pairs").get(1).getAsJsonObject().getAsJsonArray("steps").get(1)
                .getAsJsonObject();
        assertTrue(seeds.get("totalVariation").getAsDouble() > 0 && seeds.get("totalVariation").getAsDouble() <= 1);
        assertTrue(seeds.get("klForward").getAsDouble() > 0 && seeds.get("klBackward").getAsDouble() > 0);
        assertEquals(0.0, c.getAsJsonObject("control").get("totalVariation").getAsDouble());
        for (String f : new String[] {"comparison-agreement-1-3", "comparison-value-2-3", "comparison-over-steps",
            "comparison-parameters", "comparison-return", "comparison-performance"}) {
            assertTrue(Files.isRegularFile(out.resolve("figures").resolve(f + ".png")), f);
        }
    }
}
