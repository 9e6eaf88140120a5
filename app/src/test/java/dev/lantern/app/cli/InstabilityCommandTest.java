package dev.lantern.app.cli;

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

/** {@code lantern instability}: forks at two steps, children trained as child processes, the barrier table. */
class InstabilityCommandTest {

    @Test
    void forksAtEachStepTrainsTheChildrenAndTabulatesTheBarrierByForkStep(@TempDir Path tmp) throws Exception {
        Path run = ForkCommandTest.tinyRun(tmp, "parent", true);
        Path out = tmp.resolve("inst");
        Result r = lantern("instability", run.toString(), "--at", "128,384", "--children", "2", "--parallel", "2",
                "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        for (String k : new String[] {"k-128", "k-384"}) {
            for (String c : new String[] {"child-0", "child-1"}) {
                assertTrue(Files.readString(out.resolve(k).resolve(c).resolve("manifest.json"))
                        .contains("\"status\": \"completed\""), k + "/" + c);
            }
        }
        JsonObject d = JsonParser.parseString(Files.readString(out.resolve("dynamics.json"))).getAsJsonObject();
        assertEquals(4, d.getAsJsonArray("runs").size());
        JsonArray rows = d.getAsJsonObject("modeConnectivity").getAsJsonObject("instability").getAsJsonArray("rows");
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(128, rows.get(0).getAsJsonObject().get("atStep").getAsLong());
        assertEquals(384, rows.get(1).getAsJsonObject().get("atStep").getAsLong());
        assertEquals(1, rows.get(0).getAsJsonObject().get("pairs").getAsInt(), "two children: one pair");
        assertTrue(Files.isRegularFile(out.resolve("figures/instability.png")));

        // Again: every child is kept, nothing is retrained, the same report comes out.
        String before = Files.readString(out.resolve("dynamics.json"));
        Result again = lantern("instability", run.toString(), "--at", "128,384", "--children", "2", "--out",
                out.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("4 children already trained (kept)"), again.out());
        assertEquals(before, Files.readString(out.resolve("dynamics.json")));

        // Another fork asked of the same folder is refused, not silently answered with the earlier children.
        Result other = lantern("instability", run.toString(), "--at", "128,384", "--children", "2", "--vary",
                "explore", "--out", out.toString());
        assertEquals(2, other.code(), other.out());
        assertTrue(other.err().contains("holds the children of another fork"), other.err());
        Result one = lantern("instability", run.toString(), "--at", "128", "--children", "1", "--out",
                tmp.resolve("one").toString());
        assertEquals(2, one.code(), one.out());
        assertTrue(one.err().contains("--children: an instability analysis compares pairs"), one.err());
        assertFalse(Files.exists(tmp.resolve("one")));
    }

    @Test
    void aStepThatCannotBeForkedIsBadInputAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path run = ForkCommandTest.tinyRun(tmp, "parent", false);
        Path out = tmp.resolve("inst");
        Result r = lantern("instability", run.toString(), "--at", "128,999", "--out", out.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--at 128: ") && r.err().contains("--at 999: "), r.err());
        assertFalse(Files.exists(out.resolve("k-128")), "no fork was written");
    }
}
