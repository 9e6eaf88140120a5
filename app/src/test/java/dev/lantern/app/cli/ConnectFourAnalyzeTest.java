package dev.lantern.app.cli;

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

/** {@code lantern analyze} on a tiny AlphaZero connect-four run: a sample labelled by alpha-beta, and bad options. */
class ConnectFourAnalyzeTest {

    private static Path tinyRun(Path tmp) throws Exception {
        return SearchAnalyzeTest.tinyRun(tmp, "game/connect-four-v1");
    }

    @Test
    void aConnectFourRunIsHeldAgainstASampleOnAllAndOnTheProvenPositions(@TempDir Path tmp) throws Exception {
        Path run = tinyRun(tmp);
        Result r = lantern("analyze", run.toString(), "--positions", "36", "--depth", "4", "--sample-seed", "2");
        assertEquals(0, r.code(), r.err());
        JsonObject s = JsonParser.parseString(Files.readString(run.resolve("analysis/search/search.json")))
                .getAsJsonObject();
        assertEquals(36, s.get("positions").getAsInt());
        assertEquals("alpha-beta depth 4", s.get("reference").getAsString());
        assertEquals(2, s.get("sampleSeed").getAsLong());
        int proven = s.get("provenPositions").getAsInt();
        assertTrue(proven > 0 && proven < 36, "proven " + proven);
        JsonArray rows = s.getAsJsonArray("checkpoints");
        assertTrue(rows.size() >= 2, rows.toString());
        for (JsonElement e : rows) {
            JsonObject row = e.getAsJsonObject();
            assertEquals(36, row.get("positions").getAsInt());
            assertEquals("all positions, against alpha-beta depth 4", row.get("subset").getAsString());
            JsonObject p = row.getAsJsonObject("proven");
            assertEquals(proven, p.get("positions").getAsInt());
            for (JsonObject o : new JsonObject[] {row, p}) {
                for (String f : new String[] {"networkAccuracy", "searchAccuracy", "agreement"}) {
                    double v = o.get(f).getAsDouble();
                    assertTrue(v >= 0 && v <= 1, f + " " + v);
                }
                assertTrue(o.get("priorSumError").getAsDouble() < 1e-6, o.toString());
            }
        }
        assertEquals(9, s.getAsJsonObject("gameConcepts").getAsJsonArray("concepts").size());
        JsonObject first = s.getAsJsonObject("disagreements").getAsJsonArray("positions").get(0).getAsJsonObject();
        assertEquals(6, first.get("board").getAsString().split("\n").length);
        for (String name : new String[] {"search-accuracy", "search-value-error", "search-kl",
            "search-disagreements", "game-concepts"}) {
            Path png = run.resolve("analysis/search/figures/" + name + ".png");
            assertTrue(ImageIO.read(png.toFile()).getWidth() > 400, name);
        }
    }

    @Test
    void badSampleOptionsAreBadInputNamingTheOptionAndWriteNothing(@TempDir Path tmp) throws Exception {
        Path run = tinyRun(tmp);
        String[][] bad = {{"--depth", "0"}, {"--positions", "0"}, {"--positions", "20001"}, {"--depth", "43"}};
        for (String[] option : bad) {
            Result r = lantern("analyze", run.toString(), option[0], option[1]);
            assertEquals(2, r.code(), String.join(" ", option) + ": " + r.out());
            assertTrue(r.err().contains(option[0] + " " + option[1]), r.err());
            assertFalse(Files.exists(run.resolve("analysis")), String.join(" ", option));
        }
    }
}
