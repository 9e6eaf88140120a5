package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.run.RunLock;
import dev.lantern.agents.train.StopAfter;
import dev.lantern.agents.train.TrainingControl;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.app.engine.ExperimentRun;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lantern resume} checks a checkpoint and the files it covers before it writes anything: damage to a state
 * file, to the covered part of {@code metrics.jsonl} or {@code lca/*}, or an edited {@code config.json} is refused
 * with exit 2 and the file named, and every file of the run directory is left as it was.
 */
class ResumeIntegrityTest {

    private static final String CONFIG = """
            {"name": "r", "seed": 2, "env": {"id": "grid/empty-5x5-v1"},
             "agent": {"numEnvs": 2, "rolloutSteps": 32, "minibatchSize": 32, "hiddenSizes": [8, 8]},
             "training": {"totalEnvSteps": 256, "evalEpisodes": 1, "checkpointEveryEnvSteps": 64},
             "lca": {"probeSize": 16}}
            """;

    @Test
    void eightFlippedBytesInAStateFileAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path run = stoppedRun(tmp);
        Path checkpoint = run.resolve("checkpoints/step-000000128");
        for (String name : new String[] {"agent.state", "recorders.state"}) {
            Path file = checkpoint.resolve(name);
            byte[] good = Files.readAllBytes(file);
            byte[] bad = good.clone();
            for (int i = 0; i < 8; i++) {
                bad[bad.length / 2 + i] ^= (byte) 0xff;
            }
            Files.write(file, bad);
            refusedUnchanged(run, file + ": checksum mismatch (the file is damaged); nothing was changed");
            Files.write(file, good);
        }
        assertEquals(0, lantern("resume", run.toString()).code(), "undamaged, the run resumes");
    }

    @Test
    void damageToTheAppendedFilesTheCheckpointCoversIsFoundBeforeTheResumeStarts(@TempDir Path tmp)
            throws Exception {
        Path run = stoppedRun(tmp);
        Path metrics = run.resolve("metrics.jsonl");
        byte[] good = Files.readAllBytes(metrics);
        byte[] bad = good.clone();
        int at = new String(good, java.nio.charset.StandardCharsets.UTF_8).indexOf("\"value\": ") + 9;
        bad[at] = (byte) (bad[at] == '7' ? '8' : '7'); // one digit of the first value
        Files.write(metrics, bad);
        refusedUnchanged(run, metrics + ": checksum mismatch in the first ");
        Files.write(metrics, good);

        Path steps = run.resolve("lca/steps.jsonl");
        byte[] stepsGood = Files.readAllBytes(steps);
        try (FileChannel ch = FileChannel.open(steps, StandardOpenOption.WRITE)) {
            ch.truncate(stepsGood.length / 2);
        }
        String err = refusedUnchanged(run, steps + ": " + stepsGood.length / 2 + " bytes, shorter than the ");
        assertTrue(err.contains("the file lost lines"), err);
        Files.write(steps, stepsGood);

        Path neurons = run.resolve("lca/neurons.jsonl");
        byte[] neuronsGood = Files.readAllBytes(neurons);
        Files.delete(neurons);
        refusedUnchanged(run, neurons + ": missing");
        Files.write(neurons, neuronsGood);

        // Lines after what the checkpoint covers are what a killed run leaves: dropped, not damage.
        Files.writeString(metrics, "{\"step\": 999, \"time\": 1.0, \"na", StandardOpenOption.APPEND);
        assertEquals(0, lantern("resume", run.toString()).code());
        assertFalse(Files.readString(metrics).contains("\"step\": 999,"));
    }

    @Test
    void anEditedConfigIsRefusedNamingEveryChangedField(@TempDir Path tmp) throws Exception {
        Path run = stoppedRun(tmp);
        Path config = run.resolve("config.json");
        String good = Files.readString(config);
        Files.writeString(config, good.replace("\"totalEnvSteps\": 256", "\"totalEnvSteps\": 512")
                .replace("\"probeSize\": 16", "\"probeSize\": 8"));
        String err = refusedUnchanged(run, config + ": edited since the run started");
        assertTrue(err.contains(config + ": training.totalEnvSteps: 256 when the run started, 512 now"), err);
        assertTrue(err.contains(config + ": lca.probeSize: 16 when the run started, 8 now"), err);
        assertEquals(3, err.lines().count(), err);

        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(good).getAsJsonObject();
        json.getAsJsonObject("training").remove("evalEpisodes");
        Files.writeString(config, json.toString());
        err = refusedUnchanged(run, config + ": edited since the run started");
        assertTrue(err.contains(config + ": training.evalEpisodes: 1 when the run started, absent now"), err);

        // Rewritten without changing what it says (key order, spacing), it is the same experiment.
        com.google.gson.JsonObject original = com.google.gson.JsonParser.parseString(good).getAsJsonObject();
        com.google.gson.JsonObject reordered = new com.google.gson.JsonObject();
        java.util.List<String> keys = new java.util.ArrayList<>(original.keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reordered.add(k, original.get(k)));
        Files.writeString(config, reordered.toString());
        assertEquals(0, lantern("resume", run.toString()).code());
    }

    @Test
    void aCheckpointFromBeforeChecksumsResumesWithAWarning(@TempDir Path tmp) throws Exception {
        Path run = stoppedRun(tmp);
        Path state = run.resolve("checkpoints/step-000000128/state.json");
        com.google.gson.JsonObject old = com.google.gson.JsonParser.parseString(Files.readString(state))
                .getAsJsonObject();
        for (String member : new String[] {"files", "appended", "crc32c"}) {
            old.remove(member);
        }
        Files.writeString(state, old.toString());
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
        CliTest.Result r;
        System.setErr(new java.io.PrintStream(logged, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r = lantern("resume", run.toString());
        } finally {
            System.setErr(err);
        }
        assertEquals(0, r.code(), r.err());
        String log = logged.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.contains(run.resolve("checkpoints/step-000000128")
                + ": written by a Lantern without checkpoint checksums"), log);
    }

    /** Resumes {@code run}, which must be refused with exit 2 and a message containing {@code expected}. */
    private static String refusedUnchanged(Path run, String expected) throws Exception {
        Map<String, String> before = hashes(run);
        CliTest.Result r = lantern("resume", run.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in:\n" + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(before, hashes(run), "the run directory must not change");
        return r.err();
    }

    /** SHA-256 of every file under {@code run} but the lock (which holds the last writer's pid). */
    private static Map<String, String> hashes(Path run) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(run)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p)) {
                    out.put(run.relativize(p) + "/", "dir");
                } else if (!p.getFileName().toString().equals(RunLock.FILE)) {
                    out.put(run.relativize(p).toString(), HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        }
        return out;
    }

    /** A run stopped after two iterations (as Ctrl-C stops it), with a resumable checkpoint at step 128. */
    private static Path stoppedRun(Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("c.json"), CONFIG);
        Path dir = tmp.resolve("run");
        TrainingControl control = new TrainingControl();
        ExperimentRun er = ExperimentRun.builder(ExperimentLoader.load(config)).runDirectory(dir).control(control)
                .observer(StopAfter.iterations(control, 2)).build();
        assertEquals("interrupted", er.run().status());
        assertTrue(Files.exists(dir.resolve("checkpoints/step-000000128/recorders.state")));
        return dir;
    }
}
