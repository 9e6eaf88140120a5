package dev.lantern.app.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.run.MetricsFile;
import dev.lantern.analysis.stats.BootstrapOptions;
import dev.lantern.app.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregate of a sweep directory written by hand, against hand values. */
class SweepAggregateTest {

    private static final double EPS = 1e-12;
    private static final BootstrapOptions FAST = new BootstrapOptions(3, 2_000, 200, 0.95);

    @TempDir
    Path tmp;

    @Test
    void aggregatesCompletedRunsAndListsTheFailedOne() throws IOException {
        Path sweep = fakeSweep(tmp.resolve("s"));
        StringWriter text = new StringWriter();
        List<Path> written = SweepAggregate.write(sweep, FAST, new PrintWriter(text), true);
        assertEquals(List.of("interval-estimates.png", "performance-profiles.png", "probability-of-improvement.png",
                "aggregate.json"), written.stream().map(p -> p.getFileName().toString()).toList());
        JsonObject root = read(sweep.resolve("aggregate.json"));
        JsonObject a = root.getAsJsonArray("settings").get(0).getAsJsonObject();
        assertEquals(4, a.get("runs").getAsInt());
        assertEquals(3, a.get("completed").getAsInt());
        JsonObject failed = a.getAsJsonArray("failed").get(0).getAsJsonObject();
        assertEquals(4, failed.get("seed").getAsLong());
        assertEquals("training diverged at env step 64", failed.get("failure").getAsString());
        JsonObject b = root.getAsJsonArray("settings").get(1).getAsJsonObject();
        assertEquals(2, b.get("completed").getAsInt());
        assertEquals(0, b.getAsJsonArray("running").size());
        assertEquals(3, b.getAsJsonArray("pending").get(0).getAsJsonObject().get("seed").getAsLong());

        // return / optimum: a = 1, 0.5, 1; b = 0, 0.5
        JsonObject ret = root.getAsJsonObject("metrics").getAsJsonObject("return");
        assertTrue(ret.get("normalised").getAsBoolean());
        JsonObject ra = setting(ret, 0);
        assertEquals(2.5 / 3, point(ra, "iqm"), EPS); // n = 3: nothing trimmed
        assertEquals(2.5 / 3, point(ra, "median"), EPS);
        assertEquals(1.0 / 6, point(ra, "optimality_gap"), EPS);
        assertEquals(0.75, point(setting(ret, 1), "optimality_gap"), EPS);
        // U(a, b): 1 -> 2, 0.5 -> 1.5, 1 -> 2: 5.5 of 6 pairs
        assertEquals(5.5 / 6, improvement(ret), EPS);

        // steps: a = 300, censored, 200; b = both censored; censored = one past the budget of 1000 (no envSteps in
        // these manifests): 1001, behind every run that solved
        JsonObject steps = root.getAsJsonObject("metrics").getAsJsonObject("steps_to_solve");
        assertEquals("lower", steps.get("direction").getAsString());
        assertEquals(1, setting(steps, 0).get("censored").getAsInt());
        assertEquals(2, setting(steps, 1).get("censored").getAsInt());
        assertEquals(1501.0 / 3, point(setting(steps, 0), "mean"), EPS);
        assertFalse(setting(steps, 0).has("optimality_gap"));
        // P(a solves sooner than b) = U(b, a) / 6: each 1001 of b loses to 300 and 200 and ties 1001: 2.5, twice
        assertEquals(5.0 / 6, improvement(steps), EPS);
        JsonObject profile = steps.getAsJsonObject("profile");
        int last = profile.getAsJsonArray("taus").size() - 1;
        assertEquals(1001.0, profile.getAsJsonArray("taus").get(last).getAsDouble());
        // at tau = the budget, 2 of a's 3 runs had solved; none of b's (censored runs never count)
        assertEquals(2.0 / 3, profile.getAsJsonArray("settings").get(0).getAsJsonObject()
                .getAsJsonArray("fraction").get(last).getAsDouble(), EPS);
        assertEquals(0.0, profile.getAsJsonArray("settings").get(1).getAsJsonObject()
                .getAsJsonArray("fraction").get(last).getAsDouble());

        assertEquals(0.5, point(setting(root.getAsJsonObject("metrics").getAsJsonObject("performance"), 1), "mean"),
                EPS);
        assertEquals(2.0 / 3, point(setting(root.getAsJsonObject("metrics").getAsJsonObject("success_rate"), 0),
                "mean"), EPS);
        String summary = text.toString();
        assertTrue(summary.contains("failed: lr=a seed 4 (a-4): training diverged at env step 64"), summary);
        assertTrue(summary.contains("P(lr=a better than lr=b) = 0.9167"), summary);
    }

    @Test
    void theSameSweepAndSeedGiveTheSameBytesAndRunOrderDoesNotMatter() throws IOException {
        Path one = fakeSweep(tmp.resolve("one"));
        Path two = fakeSweep(tmp.resolve("two"));
        // the runner may list runs in the order they finished
        String index = Files.readString(two.resolve("sweep.json"));
        Files.writeString(two.resolve("sweep.json"), index.replace("\"runs\": [", "\"runs\": [" + RUN_B2 + ",")
                .replace("," + RUN_B2 + "]", "]"));
        PrintWriter quiet = new PrintWriter(new StringWriter());
        SweepAggregate.write(one, FAST, quiet, false);
        SweepAggregate.write(two, FAST, quiet, false);
        assertArrayEquals(Files.readAllBytes(one.resolve("aggregate.json")),
                Files.readAllBytes(two.resolve("aggregate.json")));
        SweepAggregate.write(two, new BootstrapOptions(4, 2_000, 200, 0.95), quiet, false);
        assertFalse(Files.readString(one.resolve("aggregate.json"))
                .equals(Files.readString(two.resolve("aggregate.json"))));
    }

    @Test
    void aCorruptRunDirectoryIsNamedAndNothingIsWritten() throws IOException {
        Path sweep = fakeSweep(tmp.resolve("bad"));
        Files.writeString(sweep.resolve("a-2/metrics.jsonl"), "{\"step\": 1, \"name\": \"x\", \"value\": 1}\n"
                + "garbage\n{\"step\": 2, \"name\": \"x\", \"value\": 1}\n");
        Files.delete(sweep.resolve("b-1/config.json"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepAggregate.write(sweep, FAST, new PrintWriter(new StringWriter()), true));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(sweep.resolve("a-2/metrics.jsonl") + ":2: not a metric line"),
                e.getMessage());
        assertTrue(e.problems().get(1).startsWith(sweep.resolve("b-1/config.json") + ": cannot read"), e.getMessage());
        assertFalse(Files.exists(sweep.resolve("aggregate.json")));
        assertFalse(Files.exists(sweep.resolve("figures")));
    }

    @Test
    void aBadIndexNamesEveryProblem() throws IOException {
        Path sweep = fakeSweep(tmp.resolve("index"));
        Files.writeString(sweep.resolve("sweep.json"), "{\"base\": \"x.json\", \"seeds\": [1], \"settings\": "
                + "[{\"label\": \"s\", \"set\": {}}], \"runs\": [{\"setting\": \"t\", \"seed\": 1.5, \"dir\": \"d\", "
                + "\"status\": \"done\"}]}");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepAggregate.write(sweep, FAST, new PrintWriter(new StringWriter()), false));
        String where = sweep.resolve("sweep.json") + ": runs[0]";
        assertEquals(List.of(where + ".seed: must be a whole number, got 1.5",
                where + ".setting: 't' is not one of the settings' labels",
                where + ".status: must be completed, failed, pending or running, got 'done'"), e.problems());
    }

    /** Left "running" by a killed sweep, though its manifest says completed: it counts as completed. */
    private static final String RUN_B2 = "{\"setting\": \"lr=b\", \"seed\": 2, \"dir\": \"b-2\", \"status\": "
            + "\"running\"}";

    @Test
    void aRunThatSolvedAtItsFinalEvaluationPastTheBudgetRanksAheadOfOneThatNeverSolved() throws IOException {
        // and a run sweep.json marks failed whose manifest says completed is read as completed
        Path sweep = tmp.resolve("late");
        Files.createDirectories(sweep);
        run(sweep.resolve("a-1"), 0.9, 1030, 0.9, 1); // iterations overshoot: its final step is 1,030
        run(sweep.resolve("b-1"), 0.0, -1, 0.0, 0);
        for (String r : List.of("a-1", "b-1")) {
            Files.writeString(sweep.resolve(r).resolve("manifest.json"), "{\"status\": \"completed\", \"envSteps\": 1030}");
        }
        Files.writeString(sweep.resolve("sweep.json"), "{\"base\": \"b.json\", \"seeds\": [1], \"settings\": ["
                + "{\"label\": \"lr=a\", \"set\": {}}, {\"label\": \"lr=b\", \"set\": {}}], \"runs\": ["
                + entry("lr=a", 1, "completed") + "," + entry("lr=b", 1, "failed") + "]}");
        // b-1 failed in the sweep but was completed since by lantern resume: its manifest says so, and it counts
        SweepAggregate.write(sweep, FAST, new PrintWriter(new StringWriter()), false);
        JsonObject steps = read(sweep.resolve("aggregate.json")).getAsJsonObject("metrics")
                .getAsJsonObject("steps_to_solve");
        assertEquals(1030.0, point(setting(steps, 0), "mean"), EPS);
        assertEquals(1031.0, point(setting(steps, 1), "mean"), EPS, "censored one step past the last step trained");
        assertEquals(1.0, improvement(steps), EPS, "the run that solved is the sooner, not the censored one");
    }

    /** lr=a: seeds 1-3 completed, 4 failed; lr=b: seeds 1-2 completed (2 marked running), 3 pending. Budgets 1000, optimum 0.9. */
    static Path fakeSweep(Path sweep) throws IOException {
        Files.createDirectories(sweep);
        run(sweep.resolve("a-1"), 0.9, 300, 0.2, 1);
        run(sweep.resolve("a-2"), 0.45, -1, 0.4, 0);
        run(sweep.resolve("a-3"), 0.9, 200, 0.6, 1);
        run(sweep.resolve("b-1"), 0.0, -1, 0.0, 0);
        run(sweep.resolve("b-2"), 0.45, -1, 1.0, 1);
        Files.createDirectories(sweep.resolve("a-4"));
        Files.writeString(sweep.resolve("a-4/manifest.json"), "{\"status\": \"failed\", \"failure\": "
                + "\"training diverged at env step 64\"}");
        String runs = String.join(",", entry("lr=a", 1, "completed"), entry("lr=a", 2, "completed"),
                entry("lr=a", 3, "completed"), entry("lr=a", 4, "failed"), entry("lr=b", 1, "completed"),
                entry("lr=b", 3, "pending"), RUN_B2);
        Files.writeString(sweep.resolve("sweep.json"), "{\"base\": \"examples/four-rooms.json\", \"seeds\": [1, 2, 3, "
                + "4], \"settings\": [{\"label\": \"lr=a\", \"set\": {\"agent.learningRate\": \"0.001\"}}, "
                + "{\"label\": \"lr=b\", \"set\": {\"agent.learningRate\": \"0.003\"}}], \"runs\": [" + runs + "]}");
        return sweep;
    }

    private static String entry(String setting, int seed, String status) {
        String dir = setting.substring(3) + "-" + seed;
        return "{\"setting\": \"" + setting + "\", \"seed\": " + seed + ", \"dir\": \"" + dir + "\", \"status\": \""
                + status + "\"}";
    }

    private static void run(Path dir, double ret, long solvedAt, double performance, double success)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{\"training\": {\"totalEnvSteps\": 1000}}");
        Files.writeString(dir.resolve("manifest.json"), "{\"status\": \"completed\"}");
        try (MetricsFile m = new MetricsFile(dir.resolve("metrics.jsonl"))) {
            m.scalar(100, "eval/return", 0.1); // an earlier evaluation: the last one counts
            m.scalar(100, "eval/success_rate", 0);
            if (solvedAt > 0) {
                m.scalar(solvedAt, "eval/first_solved_step", solvedAt);
            }
            m.scalar(1000, "eval/return", ret);
            m.scalar(1000, "eval/length", 12);
            m.scalar(1000, "eval/performance", performance);
            m.scalar(1000, "eval/success_rate", success);
            m.scalar(1000, "eval/optimal_return", 0.9);
        }
    }

    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static JsonObject setting(JsonObject metric, int index) {
        return metric.getAsJsonArray("settings").get(index).getAsJsonObject();
    }

    private static double point(JsonObject setting, String estimator) {
        return setting.getAsJsonObject(estimator).get("point").getAsDouble();
    }

    private static double improvement(JsonObject metric) {
        return metric.getAsJsonArray("improvement").get(0).getAsJsonObject().getAsJsonObject("probability")
                .get("point").getAsDouble();
    }
}
