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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lantern dynamics}' lca section on a tiny run with LCA (per term) and one without. */
class LcaSectionTest {

    @Test
    void perTermTotalsCountsAndFiguresForARunWithLcaAndANoteForOneWithout(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("a.json"), """
                {"name": "a", "seed": 1, "env": {"id": "grid/empty-8x8-v1"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 384, "evalEpisodes": 1, "checkpointEveryEnvSteps": 128},
                 "lca": {"probeSize": 64, "perTerm": true}}
                """);
        Path a = tmp.resolve("a");
        assertEquals(0, lantern("run", "--config", config.toString(), "--out", a.toString()).code());
        Path b = DynamicsCommandTest.tinyRun(tmp, "b", "grid/empty-8x8-v1", 2);
        Path out = tmp.resolve("dyn");
        Result r = lantern("dynamics", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonArray lca = JsonParser.parseString(Files.readString(out.resolve("dynamics.json"))).getAsJsonObject()
                .getAsJsonArray("lca");
        JsonObject run = lca.get(0).getAsJsonObject();
        assertTrue(run.get("recorded").getAsBoolean());
        JsonObject terms = run.getAsJsonObject("terms");
        assertEquals(List.of("policy", "value", "entropy"), List.copyOf(terms.keySet()));
        double sum = 0;
        for (String t : terms.keySet()) {
            JsonObject term = terms.getAsJsonObject(t);
            assertTrue(Math.abs(term.get("error").getAsDouble()) < 0.05 * Math.abs(term.get("actual").getAsDouble())
                    + 1e-3, t + ": " + term);
            sum += term.get("allocated").getAsDouble();
        }
        assertEquals(run.getAsJsonObject("total").get("allocated").getAsDouble(), sum, 1e-9);
        JsonObject counts = run.getAsJsonObject("counts");
        assertEquals(counts.get("parameters").getAsDouble(), counts.get("meanHelped").getAsDouble()
                + counts.get("meanHurt").getAsDouble() + counts.get("meanZero").getAsDouble(), 1e-6);
        double among = counts.get("meanHelpedAmongMoved").getAsDouble();
        assertTrue(among > counts.get("meanHelpedFraction").getAsDouble() && among <= 1, counts.toString());
        assertTrue(run.has("oscillation") && run.getAsJsonObject("layers").has("torso.dense0"), run.toString());
        for (String f : new String[] {"lca-terms-a", "lca-helped-a", "lca-helped-histogram-a", "lca-oscillation-a",
                "lca-neurons-a-torso-dense0"}) {
            assertTrue(Files.isRegularFile(out.resolve("figures/" + f + ".png")), f);
        }
        JsonObject without = lca.get(1).getAsJsonObject();
        assertFalse(without.get("recorded").getAsBoolean());
        assertTrue(r.out().contains("b: no LCA"), r.out());
    }
}
