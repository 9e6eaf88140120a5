package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.lantern;
import static dev.lantern.app.cli.DynamicsCommandTest.tinyRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lantern dynamics}'s mode-connectivity section over tiny runs: pairs, fork groups and the instability table. */
class ModeConnectivityCommandTest {

    /** Marks {@code run} as a child forked at {@code atStep} (the manifest's {@code fork} object, as fork writes it). */
    private static void markChild(Path run, long atStep) throws Exception {
        Path file = run.resolve("manifest.json");
        JsonObject m = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        JsonObject fork = new JsonObject();
        fork.addProperty("atStep", atStep);
        fork.addProperty("parent", "parent-run");
        m.add("fork", fork);
        Files.writeString(file, m.toString());
    }

    @Test
    void forkChildrenAreComparedWithinTheirForkStepAndGiveTheInstabilityTable(@TempDir Path tmp) throws Exception {
        Path[] runs = new Path[5];
        for (int i = 0; i < 5; i++) {
            runs[i] = tinyRun(tmp, "c" + i, "grid/empty-8x8-v1", i + 1);
            markChild(runs[i], i < 3 ? 0 : 128);
        }
        Path out = tmp.resolve("dyn");
        Result r = lantern("dynamics", runs[0].toString(), runs[1].toString(), runs[2].toString(),
                runs[3].toString(), runs[4].toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject d = JsonParser.parseString(Files.readString(out.resolve("dynamics.json"))).getAsJsonObject()
                .getAsJsonObject("modeConnectivity");
        assertEquals(30, d.getAsJsonArray("alphas").size());
        JsonArray pairs = d.getAsJsonArray("pairs");
        assertEquals(3 + 1, pairs.size(), "3 pairs among the children of 0, 1 among those of 128, none across");
        JsonObject first = pairs.get(0).getAsJsonObject();
        assertEquals(256, first.get("step").getAsLong(), "the newest common checkpoint");
        assertEquals(0.0, first.getAsJsonObject("endpointError").get("alpha0VsA").getAsDouble());
        assertEquals(0.0, first.getAsJsonObject("endpointError").get("alpha1VsB").getAsDouble());
        assertEquals(30, first.getAsJsonObject("curves").getAsJsonArray("returnError").size());
        JsonObject inst = d.getAsJsonObject("instability");
        JsonArray rows = inst.getAsJsonArray("rows");
        assertEquals(2, rows.size());
        assertEquals(0, rows.get(0).getAsJsonObject().get("atStep").getAsLong());
        assertEquals(3, rows.get(0).getAsJsonObject().get("pairs").getAsInt());
        assertEquals(1, rows.get(1).getAsJsonObject().get("pairs").getAsInt());
        double mean = rows.get(0).getAsJsonObject().get("barrierMean").getAsDouble();
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += pairs.get(i).getAsJsonObject().getAsJsonObject("barriers").get("returnError").getAsDouble();
        }
        assertEquals(sum / 3, mean, 1e-12, "the row's mean is the mean of its pairs' barriers");
        assertTrue(rows.get(0).getAsJsonObject().get("ciLow").getAsDouble() <= mean);
        assertTrue(r.out().contains("first stable fork step"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("figures/instability.png")));
        assertTrue(Files.isRegularFile(out.resolve("figures/lmc-return.png")));
    }

    @Test
    void aRunAgainstACopyOfItselfHasBarrierZero(@TempDir Path tmp) throws Exception {
        Path a = tinyRun(tmp, "a", "grid/empty-8x8-v1", 1);
        Path copy = tmp.resolve("a-copy");
        try (var files = Files.walk(a)) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(a.relativize(p).toString()));
            }
        }
        Path out = tmp.resolve("dyn");
        Result r = lantern("dynamics", a.toString(), copy.toString(), "--out", out.toString(), "--no-figures");
        assertEquals(0, r.code(), r.err());
        JsonObject pair = JsonParser.parseString(Files.readString(out.resolve("dynamics.json"))).getAsJsonObject()
                .getAsJsonObject("modeConnectivity").getAsJsonArray("pairs").get(0).getAsJsonObject();
        for (String m : new String[] {"loss", "returnError", "failure", "suboptimal", "policyKl"}) {
            assertEquals(0.0, pair.getAsJsonObject("barriers").get(m).getAsDouble(), m);
        }
        assertTrue(r.out().contains("mode connectivity a x a-copy @ 256: barrier return 0.0000"), r.out());
    }
}
