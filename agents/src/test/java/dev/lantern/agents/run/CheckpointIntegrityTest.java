package dev.lantern.agents.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.run.state.CheckpointFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checksums of a checkpoint's files and of the appended files' prefixes: damage is found and named, kills are not. */
class CheckpointIntegrityTest {

    @TempDir
    Path tmp;
    private Path run;
    private Path checkpoint;

    /** A run directory with metrics and LCA lines, a checkpoint, then lines written after it (as a kill leaves). */
    @BeforeEach
    void writeRunWithACheckpoint() throws IOException {
        run = tmp.resolve("run");
        RunDirectory dir = RunDirectory.create(run);
        Files.createDirectories(run.resolve("lca"));
        append("metrics.jsonl", "{\"step\": 1, \"time\": 0.1, \"name\": \"a\", \"value\": 1.0}\n");
        append("lca/steps.jsonl", "{\"update\": 1}\n");
        append("lca/neurons.jsonl", "{\"window\": 1}\n");
        JsonObject counters = new JsonObject();
        counters.addProperty("envSteps", 64);
        counters.addProperty("elapsedSeconds", 1.25);
        dir.writeCheckpoint(64, null, counters, stateFiles(1));
        append("metrics.jsonl", "{\"step\": 2, \"time\": 0.2, \"name\": \"a\", \"value\": 2.0}\n");
        append("lca/steps.jsonl", "{\"update\": 2}\n");
        // A second checkpoint in the same process extends the running checksums from where the first one stopped.
        checkpoint = dir.writeCheckpoint(128, null, counters, stateFiles(2));
        append("metrics.jsonl", "{\"step\": 3, \"time\": 0.3, \"na"); // killed mid-line, after the checkpoint
    }

    @Test
    void anIntactCheckpointPassesAndLinesAfterItAreNotDamage() throws IOException {
        JsonObject state = CheckpointIntegrity.verify(checkpoint);
        assertEquals(1.25, state.get("elapsedSeconds").getAsDouble());
        JsonObject appended = state.getAsJsonObject("appended");
        assertEquals(Files.size(run.resolve("lca/steps.jsonl")), appended.getAsJsonObject("lca/steps.jsonl")
                .get("bytes").getAsLong());
        assertTrue(appended.getAsJsonObject("metrics.jsonl").get("bytes").getAsLong()
                < Files.size(run.resolve("metrics.jsonl")));
        assertEquals(Files.size(checkpoint.resolve("agent.state")), state.getAsJsonObject("files")
                .getAsJsonObject("agent.state").get("bytes").getAsLong());
    }

    @Test
    void flippedBytesInAStateFileAreAChecksumMismatchNamingIt() throws IOException {
        for (String name : new String[] {"agent.state", "recorders.state"}) {
            Path file = checkpoint.resolve(name);
            byte[] good = Files.readAllBytes(file);
            byte[] bad = good.clone();
            for (int i = 0; i < 8; i++) {
                bad[8 + i] ^= (byte) 0x5a;
            }
            Files.write(file, bad);
            CheckpointFormatException e = assertThrows(CheckpointFormatException.class,
                    () -> CheckpointIntegrity.verify(checkpoint));
            assertEquals(file + ": checksum mismatch (the file is damaged)", e.getMessage());
            Files.write(file, good);
        }
        Files.write(checkpoint.resolve("agent.state"), new byte[] {1, 2, 3});
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class,
                () -> CheckpointIntegrity.verify(checkpoint));
        assertTrue(e.getMessage().contains("agent.state: 3 bytes") && e.getMessage().contains("truncated"),
                e.getMessage());
        Files.delete(checkpoint.resolve("recorders.state"));
        Files.write(checkpoint.resolve("agent.state"), stateBytes(2, "agent"));
        e = assertThrows(CheckpointFormatException.class, () -> CheckpointIntegrity.verify(checkpoint));
        assertTrue(e.getMessage().contains("recorders.state: missing"), e.getMessage());
    }

    @Test
    void anEditedStateJsonIsAChecksumMismatch() throws IOException {
        Path state = checkpoint.resolve("state.json");
        String text = Files.readString(state);
        Files.writeString(state, text.replace("\"envSteps\": 64", "\"envSteps\": 65"));
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class,
                () -> CheckpointIntegrity.verify(checkpoint));
        assertEquals(state + ": checksum mismatch (the file is damaged)", e.getMessage());
    }

    @Test
    void damageToTheCoveredPrefixOfAnAppendedFileIsFoundAndNamed() throws IOException {
        Path metrics = run.resolve("metrics.jsonl");
        byte[] good = Files.readAllBytes(metrics);
        byte[] bad = good.clone();
        bad[20] = (byte) '7';
        Files.write(metrics, bad);
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class,
                () -> CheckpointIntegrity.verify(checkpoint));
        assertTrue(e.getMessage().startsWith(metrics + ": checksum mismatch in the first "), e.getMessage());
        assertTrue(e.getMessage().contains("step-000000128 saw"), e.getMessage());
        Files.write(metrics, good);

        Path steps = run.resolve("lca/steps.jsonl");
        long size = Files.size(steps);
        try (var ch = java.nio.channels.FileChannel.open(steps, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3);
        }
        e = assertThrows(CheckpointFormatException.class, () -> CheckpointIntegrity.verify(checkpoint));
        assertEquals(steps + ": " + (size - 3) + " bytes, shorter than the " + size
                + " that step-000000128 saw (the file lost lines; it is damaged)", e.getMessage());
        Files.delete(steps);
        e = assertThrows(CheckpointFormatException.class, () -> CheckpointIntegrity.verify(checkpoint));
        assertTrue(e.getMessage().startsWith(steps + ": missing"), e.getMessage());
    }

    @Test
    void aCheckpointFromBeforeChecksumsIsAcceptedAsItIs() throws IOException {
        Path state = checkpoint.resolve("state.json");
        JsonObject old = JsonParser.parseString(Files.readString(state)).getAsJsonObject();
        old.remove("crc32c");
        old.remove("files");
        old.remove("appended");
        Files.writeString(state, RunDirectory.GSON.toJson(old));
        Files.write(checkpoint.resolve("agent.state"), new byte[] {9, 9});
        assertEquals(64, CheckpointIntegrity.verify(checkpoint).get("envSteps").getAsLong());
    }

    @Test
    void theSealCoversEveryMemberAndVerifiesAfterARoundTrip() {
        JsonObject s = new JsonObject();
        s.addProperty("elapsedSeconds", 0.1 + 0.2);
        s.addProperty("seed", 1234567890123456789L);
        s.addProperty("name", "a \"quoted\" <name> é");
        JsonObject parsed = JsonParser.parseString(CheckpointIntegrity.seal(s)).getAsJsonObject();
        String crc = parsed.get("crc32c").getAsString();
        assertTrue(crc.matches("[0-9a-f]{8}"), crc);
        parsed.remove("crc32c");
        parsed.addProperty("crc32c", crc);
        assertEquals(CheckpointIntegrity.seal(s), RunDirectory.GSON.toJson(parsed) + "\n");
        s.addProperty("seed", 1234567890123456788L);
        assertTrue(!CheckpointIntegrity.seal(s).contains(crc), "a changed member changes the checksum");
    }

    private void append(String name, String text) throws IOException {
        Files.writeString(run.resolve(name), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static Map<String, Consumer<OutputStream>> stateFiles(int generation) {
        Map<String, Consumer<OutputStream>> files = new LinkedHashMap<>();
        files.put(RunDirectory.AGENT_STATE, out -> write(out, stateBytes(generation, "agent")));
        files.put(RunDirectory.RECORDERS_STATE, out -> write(out, stateBytes(generation, "recorders")));
        return files;
    }

    private static byte[] stateBytes(int generation, String what) {
        byte[] b = new byte[64];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + generation + what.length());
        }
        return b;
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
