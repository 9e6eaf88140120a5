package dev.lantern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, messages, and the files a run leaves. */
public class CliTest {

    /** What a command line printed and returned. */
    public record Result(int code, String out, String err) {

        /** The standard output, one element a line. */
        public List<String> outLines() {
            return out.lines().toList();
        }
    }

    /** Writes an experiment's JSON text to {@code file} and returns the file. */
    public static Path experimentFile(Path file, String json) throws IOException {
        Files.writeString(file, json);
        return file;
    }

    /** Runs {@code lantern args...}, which must exit 0 (its error output is the failure message). */
    public static Result succeed(String... args) {
        Result r = lantern(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    /** Runs {@code lantern args...} in this JVM. */
    public static Result lantern(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LanternCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void envsListsEveryRegisteredEnvironment() {
        Result r = lantern("envs");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("grid/four-rooms-v1"));
        assertTrue(r.out().contains("grid/key-door-v1"));
        assertTrue(r.out().contains("grid/empty-8x8-v1"));
        assertTrue(r.out().contains("game/tic-tac-toe-v1"));
        assertTrue(r.out().contains("game/connect-four-v1"));
    }

    @Test
    void badConfigListsEveryProblemAndExitsTwo(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("bad.json"), """
                {"seed": "one", "agent": {"learningRate": -1, "gamma": 2, "colour": "red"},
                 "env": {"id": "grid/nowhere-v9"}, "training": {"totalEnvSteps": 0}, "extra": 1}
                """);
        Result r = lantern("run", "--config", config.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, r.code(), r.err());
        for (String expected : List.of("seed: expected a whole number", "agent.learningRate: must be > 0, got -1.0",
                "agent.gamma: must be in [0, 1], got 2.0", "agent.colour: unknown key", "env.id: unknown environment",
                "training.totalEnvSteps: must be >= 1, got 0", "extra: unknown key")) {
            assertTrue(r.err().contains(expected), "missing '" + expected + "' in:\n" + r.err());
        }
        assertTrue(r.err().lines().allMatch(l -> l.startsWith(config.toString() + ": ")), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(tmp.resolve("run")), "nothing may be written for a bad config");
    }

    @Test
    void malformedJsonIsLocated(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("broken.json");
        Files.writeString(config, "{\n  \"seed\": 1,\n  \"name\": \n}\n");
        Result r = lantern("run", "--config", config.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(config + ":4:"), r.err());
    }

    @Test
    void badMapInAnExperimentIsReportedWithLocations(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("m.txt"), "#####\n#S.Q#\n###\n");
        Path config = tmp.resolve("c.json");
        Files.writeString(config, "{\"env\": {\"map\": \"m.txt\"}}");
        Result r = lantern("run", "--config", config.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("m.txt:2:4: unknown tile 'Q'"), r.err());
        assertTrue(r.err().contains("m.txt:3:"), r.err());
        assertFalse(Files.exists(tmp.resolve("run")));
    }

    @Test
    void anExperimentTrainsOnAMapFileOfTheUsers(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(tmp.resolve("maps/corridor.txt"), "; a corridor with a key and a door\n#######\n#Sk.DG#\n#######\n");
        Path config = experimentFile(tmp.resolve("c.json"), """
                {"name": "corridor", "env": {"map": "maps/corridor.txt", "maxEpisodeSteps": 50},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [16, 16]},
                 "training": {"totalEnvSteps": 256, "evalEpisodes": 1}, "lca": {"enabled": false}}
                """);
        Path run = tmp.resolve("run");
        Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("on map:corridor.txt"), r.out());
        assertFalse(r.out().contains("loss change allocation"), r.out());
        JsonObject manifest = JsonParser.parseString(Files.readString(run.resolve("manifest.json"))).getAsJsonObject();
        assertEquals("map:corridor.txt", manifest.getAsJsonObject("environment").get("id").getAsString());
        // Four steps: right (key), right, right (door, held key), right (goal).
        assertEquals(0.96, manifest.getAsJsonObject("environment").get("optimalReturn").getAsDouble(), 1e-9);
        assertEquals("exact", manifest.getAsJsonObject("environment").get("optimalStatus").getAsString());
        assertEquals(50, manifest.getAsJsonObject("environment").get("optimalHorizon").getAsInt());
        assertFalse(Files.exists(run.resolve("lca")));
    }

    @Test
    void theObservationKindIsChosenPerExperiment(@TempDir Path tmp) throws Exception {
        for (String observation : List.of("egocentric", "symbolic")) {
            Path config = experimentFile(tmp.resolve(observation + ".json"), """
                    {"env": {"id": "grid/key-door-v1", "observation": "%s", "viewSize": 3},
                     "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [16, 16]},
                     "training": {"totalEnvSteps": 128, "evalEpisodes": 1}, "lca": {"probeSize": 32}}
                    """.formatted(observation));
            Path run = tmp.resolve(observation);
            Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
            assertEquals(0, r.code(), r.err());
            String resolved = Files.readString(run.resolve("config.json"));
            assertTrue(resolved.contains("\"observation\": \"" + observation + "\""), resolved);
        }
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"env\": {\"observation\": \"pixels\"}}");
        Result r = lantern("run", "--config", bad.toString(), "--out", tmp.resolve("no").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("env.observation: unknown observation 'pixels'"), r.err());
        Path badView = tmp.resolve("badview.json");
        Files.writeString(badView, "{\"env\": {\"observation\": \"egocentric\", \"viewSize\": 4}}");
        Result v = lantern("run", "--config", badView.toString(), "--out", tmp.resolve("no").toString());
        assertEquals(2, v.code());
        assertTrue(v.err().contains("env.viewSize: must be odd and in [3, 15], got 4"), v.err());
    }

    @Test
    void validateMapReportsEveryProblemOrASummary(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.txt");
        // Five mistakes: unknown tile, ragged row, a second start, no goal at all... and a ragged last row.
        Files.writeString(bad, "######\n#S.Q.#\n#..#\n#S...#\n#....#\n####\n");
        Result r = lantern("validate-map", bad.toString());
        assertEquals(2, r.code());
        long located = r.err().lines().filter(l -> l.matches(".*bad\\.txt:\\d+:\\d+: .*")).count();
        assertEquals(5, located, r.err());
        Path good = tmp.resolve("good.txt");
        Files.writeString(good, "#####\n#S.G#\n#####\n");
        Result ok = lantern("validate-map", good.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("optimal return from the start 0.9800 (exact: undiscounted, within the time "
                + "limit of 200 steps, over"), ok.out());
        // a reward collectable forever (the bucket, 0.02 a step): the optimum of a 50-step episode is 50 x 0.02, where
        // value iteration with gamma 1 ran 100,000 sweeps and printed a number that was no optimum
        Path bucket = tmp.resolve("bucket.txt");
        Files.writeString(bucket, "@time-limit: 50\n@reward.step: 0\n@legend: G = goal 0\n######\n#GtSH#\n######\n");
        Result b = lantern("validate-map", bucket.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("optimal return from the start 1.0000 (exact: undiscounted, within the time limit "
                + "of 50 steps, over"), b.out());
    }

    @Test
    void mapsOverTheSizeLimitsExitTwoWithTheLineAndTheLimit(@TempDir Path tmp) throws Exception {
        // One 10M-character row (NegativeArraySizeException before the limits) and one 3M-cell row
        // (IllegalStateException from the solver): both are refused at their line, naming the limit.
        byte[] row = new byte[10_000_000];
        java.util.Arrays.fill(row, (byte) '.');
        row[0] = 'S';
        row[row.length - 1] = 'G';
        Path wide = Files.write(tmp.resolve("wide.txt"), row);
        Path cells = Files.writeString(tmp.resolve("cells.txt"), "S" + ".".repeat(2_999_998) + "G\n");
        for (Path map : List.of(wide, cells)) {
            long characters = map == wide ? 10_000_000 : 3_000_000;
            Result v = lantern("validate-map", map.toString());
            assertEquals(2, v.code(), v.err());
            assertTrue(v.err().startsWith(map + ":1:4097: line has " + characters
                    + " characters; a map may be at most 4096 columns wide"), v.err());
            assertFalse(v.err().contains("Exception"), v.err());
            Path config = experimentFile(tmp.resolve(map.getFileName() + ".json"),
                    "{\"env\": {\"map\": \"" + map.getFileName() + "\"}}");
            Result r = lantern("run", "--config", config.toString(), "--out", tmp.resolve("run").toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith(map + ":1:4097: line has "), r.err());
            assertFalse(Files.exists(tmp.resolve("run")));
        }
    }

    @Test
    void directoriesAndBinaryFilesGivenAsMapsGetPlainWords(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("maps"));
        Result d = lantern("validate-map", dir.toString());
        assertEquals(2, d.code(), d.err());
        assertTrue(d.err().startsWith(dir + ": is a directory, not a map file"), d.err());
        Path binary = Files.write(tmp.resolve("b.txt"), new byte[] {'S', '.', 'G', '\n', '#', '#', '#', '\n', 0, 1, 2});
        Result b = lantern("validate-map", binary.toString());
        assertEquals(2, b.code(), b.err());
        assertTrue(b.err().startsWith(binary + ": is not a text file (byte 0x00 at line 3)"), b.err());
        Path config = experimentFile(tmp.resolve("c.json"), "{\"env\": {\"map\": \"maps\"}}");
        Result r = lantern("run", "--config", config.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(dir + ": is a directory, not a map file", r.err().strip());
        for (Result x : List.of(d, b, r)) {
            assertFalse(x.err().contains("Exception"), x.err());
        }
    }

    @Test
    void validateMapListsTheFirstHundredProblemsAndCountsThemAll(@TempDir Path tmp) throws Exception {
        Path map = Files.writeString(tmp.resolve("noise.txt"), "SG" + "?".repeat(500) + "\n");
        Result r = lantern("validate-map", map.toString());
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(102, lines.size(), r.err());
        assertEquals(map + ":1:102: ... and 400 more problems (only the first 100 are listed)", lines.get(100));
        assertEquals(map + ": 500 problems", lines.get(101));
    }

    @Test
    void aMapProblemAndAFieldProblemAreReportedTogether(@TempDir Path tmp) throws Exception {
        Path map = Files.writeString(tmp.resolve("m.txt"), "#####\n#S.Q#\n#..G#\n#####\n");
        Path config = experimentFile(tmp.resolve("c.json"), "{\"env\": {\"map\": \"m.txt\"}, \"agent\": {\"gamma\": 2}}");
        Result r = lantern("run", "--config", config.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of(config + ": agent.gamma: must be in [0, 1], got 2.0",
                map + ":2:4: unknown tile 'Q' (known: # . S G L k D B I c w X O W T t H)"), r.err().lines().toList());
        assertFalse(Files.exists(tmp.resolve("run")));
    }

    @Test
    void everyConfigMessageCarriesTheFile(@TempDir Path tmp) throws Exception {
        // A rollout too large for memory was refused after loading, without the file name.
        Path config = experimentFile(tmp.resolve("big.json"), """
                {"agent": {"numEnvs": 1024, "rolloutSteps": 1024, "minibatchSize": 1024}}
                """);
        Result r = lantern("run", "--config", config.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(config + ": agent.rolloutSteps: a rollout of 1048576 observations of 1183 floats each needs 4.6 GiB;"
                + " at most 268435456 floats (lower agent.numEnvs or agent.rolloutSteps)", r.err().strip());
        assertFalse(Files.exists(tmp.resolve("run")));
        Path dir = Files.createDirectory(tmp.resolve("exp.json"));
        Result d = lantern("run", "--config", dir.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, d.code(), d.err());
        assertEquals(dir + ": is a directory, not an experiment file", d.err().strip());
    }

    @Test
    void benchEnvsPrintsSingleAndBatchedFigures() {
        Result r = lantern("bench", "envs", "--seconds", "0.05", "--copies", "8");
        assertEquals(0, r.code(), r.err());
        for (String label : List.of("single, no observation", "single, one-hot observation", "batched x8")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(label) && l.matches(".* [0-9,]+ steps/s")), r.out());
        }
        assertEquals(2, lantern("bench", "envs", "--copies", "0").code());
        assertEquals(2, lantern("bench", "envs", "--env", "grid/nowhere-v1").code());
    }

    @Test
    void badArgumentsExitTwo(@TempDir Path tmp) {
        assertEquals(2, lantern("run", "--steps", "many").code());
        assertEquals(2, lantern("run", "--steps", "0", "--out", tmp.resolve("x").toString()).code());
        assertEquals(2, lantern("frobnicate").code());
        assertEquals(2, lantern("validate-map").code());
    }

    @Test
    void aShortRunLeavesACompleteRunDirectory(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("tiny.json"), """
                {"name": "tiny", "env": {"id": "grid/empty-8x8-v1"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [16, 16]},
                 "training": {"totalEnvSteps": 512, "evalEpisodes": 2, "checkpointEveryEnvSteps": 256},
                 "lca": {"probeSize": 32}}
                """);
        Path run = tmp.resolve("run");
        Result r = lantern("run", "--config", config.toString(), "--out", run.toString(), "--seed", "9");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("greedy evaluation"), r.out());
        assertTrue(r.out().contains("loss change allocation"), r.out());
        JsonObject manifest = JsonParser.parseString(Files.readString(run.resolve("manifest.json"))).getAsJsonObject();
        assertEquals("completed", manifest.get("status").getAsString());
        assertEquals(9, manifest.getAsJsonObject("seeds").get("run").getAsLong());
        assertTrue(manifest.getAsJsonObject("nd4j").get("backend").getAsString().contains("Cpu"));
        assertTrue(manifest.getAsJsonObject("recorders").getAsJsonObject("lca").get("probe").getAsString()
                .contains("32 states"));
        JsonObject config2 = JsonParser.parseString(Files.readString(run.resolve("config.json"))).getAsJsonObject();
        assertEquals(9, config2.get("seed").getAsLong());
        String metrics = Files.readString(run.resolve("metrics.jsonl"));
        for (String name : List.of("episode/return", "episode/length", "loss/policy", "loss/value", "loss/entropy",
                "lca/total", "lca/error", "lca/helped_fraction", "lca/layer/torso.dense0", "lca/layer/torso.dense1",
                "lca/layer/policy.logits", "lca/layer/value.out", "eval/return", "eval/optimal_return",
                "eval/success_rate")) {
            assertTrue(metrics.contains("\"name\": \"" + name + "\""), "metrics.jsonl lacks " + name);
        }
        try (var s = Files.list(run.resolve("checkpoints"))) {
            List<Path> checkpoints = s.sorted().toList();
            assertEquals(List.of("step-000000256", "step-000000512"),
                    checkpoints.stream().map(p -> p.getFileName().toString()).toList());
            assertTrue(Files.size(checkpoints.get(1).resolve("network.zip")) > 1000);
        }
        assertTrue(Files.exists(run.resolve("lca/summary.json")));
        // The resolved config repeats the run.
        Result again = lantern("run", "--config", run.resolve("config.json").toString(), "--out",
                tmp.resolve("again").toString());
        assertEquals(0, again.code(), again.err());
        // An existing, non-empty run directory is never overwritten.
        Result clash = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(2, clash.code());
        assertTrue(clash.err().contains("already exists"), clash.err());
    }
}
