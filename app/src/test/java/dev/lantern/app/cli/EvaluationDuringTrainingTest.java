package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.run.MetricsLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Greedy evaluation during training ({@code training.evalEveryEnvSteps}) on tiny runs through {@code lantern run}: it
 * changes nothing that is trained (the final network and every metric line but {@code eval/*} and wall clock are the
 * same as with it off), writes {@code eval/*} at the evaluated steps, and {@code training.stopWhenSolved} ends the run
 * at the first solving evaluation.
 */
class EvaluationDuringTrainingTest {

    private static Path run(Path tmp, String name, String agent, long evalEvery) throws Exception {
        Path config = experimentFile(tmp.resolve(name + ".json"), """
                {"name": "%s", "seed": 5, "env": {"id": "grid/empty-8x8-v1"}, "agent": %s,
                 "training": {"totalEnvSteps": 1024, "evalEpisodes": 2, "checkpointEveryEnvSteps": 512,
                              "evalEveryEnvSteps": %d},
                 "lca": {"probeSize": 16}}
                """.formatted(name, agent, evalEvery));
        Path dir = tmp.resolve(name);
        CliTest.Result r = lantern("run", "--config", config.toString(), "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\": \"ppo\", \"numEnvs\": 4, \"rolloutSteps\": 32, \"minibatchSize\": 64, \"hiddenSizes\": [8, 8]}",
        "{\"type\": \"dqn\", \"numEnvs\": 4, \"bufferCapacity\": 500, \"learningStarts\": 100, \"gradientSteps\": 1, "
            + "\"targetUpdateInterval\": 20, \"epsilonDecaySteps\": 500, \"hiddenSizes\": [8, 8]}"})
    void evaluatingTrainsExactlyTheSameNetworkAndMetrics(String agent, @TempDir Path tmp) throws Exception {
        Path off = run(tmp, "off", agent, 0);
        Path on = run(tmp, "on", agent, 256);
        assertEquals(trainingLines(off), trainingLines(on));
        assertArrayEquals(Files.readAllBytes(off.resolve("lca/steps.jsonl")),
                Files.readAllBytes(on.resolve("lca/steps.jsonl")));
        ComputationGraph a = finalNetwork(off);
        ComputationGraph b = finalNetwork(on);
        assertArrayEquals(a.params().data().asFloat(), b.params().data().asFloat(), "final parameters");
        assertArrayEquals(a.getUpdater().getStateViewArray().data().asFloat(),
                b.getUpdater().getStateViewArray().data().asFloat(), "final updater state");

        MetricsLog log = MetricsLog.read(on.resolve("metrics.jsonl"));
        long[] evaluated = log.series("eval/return").steps();
        assertEquals(4, evaluated.length, Arrays.toString(evaluated)); // after 256, 512, 768 and 1024 steps
        for (int i = 0; i < evaluated.length; i++) { // at the end of the iteration that passes each multiple
            assertTrue(evaluated[i] >= 256 * (i + 1) && evaluated[i] < 256 * (i + 1) + 128, Arrays.toString(evaluated));
        }
        assertEquals(1, MetricsLog.read(off.resolve("metrics.jsonl")).series("eval/return").size());
        for (String name : List.of("eval/success_rate", "eval/optimal_return", "eval/performance", "eval/length")) {
            assertArrayEquals(evaluated, log.series(name).steps(), name);
        }
        JsonObject notes = manifest(on).getAsJsonObject("recorders").getAsJsonObject("evaluation");
        assertEquals(256, notes.get("everyEnvSteps").getAsLong());
        assertEquals(4, notes.get("evaluations").getAsLong());
    }

    @Test
    void stopWhenSolvedEndsTheRunCompletedAtTheFirstSolvingEvaluation(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("solve.json"), """
                {"name": "solve", "seed": 3, "env": {"id": "grid/empty-8x8-v1"}, "agent": {"type": "tabular"},
                 "training": {"totalEnvSteps": 200000, "evalEpisodes": 2, "evalEveryEnvSteps": 500,
                              "stopWhenSolved": true}}
                """);
        Path dir = tmp.resolve("solve");
        CliTest.Result r = lantern("run", "--config", config.toString(), "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject m = manifest(dir);
        assertEquals("completed", m.get("status").getAsString());
        long steps = m.get("envSteps").getAsLong();
        assertTrue(steps < 200_000, "stopped early: " + steps);
        JsonObject notes = m.getAsJsonObject("recorders").getAsJsonObject("evaluation");
        assertEquals(steps, notes.get("firstSolvedStep").getAsLong());
        assertTrue(notes.get("stoppedWhenSolved").getAsBoolean());
        MetricsLog log = MetricsLog.read(dir.resolve("metrics.jsonl"));
        assertArrayEquals(new long[] {steps}, log.series("eval/first_solved_step").steps());
        assertArrayEquals(new double[] {steps}, log.series("eval/first_solved_step").values());
        assertArrayEquals(new long[] {steps}, log.series("time/first_solved_seconds").steps());
        assertEquals(1.0, log.last("eval/success_rate").orElseThrow());
        long[] evaluated = log.series("eval/return").steps();
        assertEquals(steps, evaluated[evaluated.length - 1], "the final evaluation is the solving one, not repeated");
        assertEquals(evaluated.length, Arrays.stream(evaluated).distinct().count());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "solved at step %,d", steps)), r.out());
        assertTrue(Files.isDirectory(dir.resolve("checkpoints").resolve(String.format("step-%09d", steps))));
    }

    /** Every metric line but the evaluation's and wall-clock values (the {@code time} field, {@code time/*}). */
    private static List<String> trainingLines(Path run) throws Exception {
        return SameRun.metricsWithoutTime(run).stream().filter(l -> !l.contains("\"name\": \"eval/")).toList();
    }

    private static ComputationGraph finalNetwork(Path run) throws Exception {
        String last = SameRun.checkpoints(run).stream().filter(n -> n.startsWith("step-")).max(String::compareTo)
                .orElseThrow();
        return ModelSerializer.restoreComputationGraph(
                run.resolve("checkpoints").resolve(last).resolve("network.zip").toFile(), true);
    }

    private static JsonObject manifest(Path run) throws Exception {
        return JsonParser.parseString(Files.readString(run.resolve("manifest.json"))).getAsJsonObject();
    }
}
