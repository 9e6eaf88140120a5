package dev.lantern.analysis.lca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.Trainer;
import dev.lantern.agents.train.TrainerSettings;
import dev.lantern.environments.registry.EnvRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** Over a real short training run, the cumulative allocation tracks the real probe-loss curve. */
class LcaRecorderTest {

    @Test
    void cumulativeAllocationTracksTheRealProbeLossCurve(@TempDir Path tmp) throws Exception {
        Backend.configure();
        PpoConfig config = new PpoConfig(8, 32, 4, 64, 1e-3, 0.99, 0.95, 0.2, 0.5, 0.01, 0.5, List.of(32, 32), true, true);
        long steps = 12L * config.rolloutSize();
        PpoAgent agent = PpoAgent.create(config, () -> EnvRegistry.make("grid/empty-8x8-v1"), 3, steps, 64, DataType.FLOAT);
        LcaRecorder lca = new LcaRecorder(new LcaSettings(true, 64, 1e-3, 32, true));
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(steps, 0, 0)).runDirectory(dir).recorder(lca)
                .build().run();
        assertEquals("completed", outcome.status(), String.valueOf(outcome.failure()));

        double[] allocated = lca.allocatedCurve();
        double[] actual = lca.actualCurve();
        assertEquals(12 * config.updatesPerIteration(), allocated.length);
        double scale = 0;
        for (double v : actual) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 1e-3, "the probe loss must move, max |cumulative change| = " + scale);
        for (int t = 0; t < actual.length; t++) {
            assertTrue(Math.abs(allocated[t] - actual[t]) <= 0.01 * scale,
                    "step " + t + ": allocated " + allocated[t] + " vs actual " + actual[t]);
        }
        assertTrue(lca.relativeError() < 0.01, "relative error " + lca.relativeError());

        // Files: one line per update, a summary whose layers add up to the total.
        Path lcaDir = dir.lcaDir();
        assertEquals(allocated.length, Files.readAllLines(lcaDir.resolve("steps.jsonl")).size());
        assertEquals(12, Files.readAllLines(lcaDir.resolve("neurons.jsonl")).size());
        assertEquals(agent.net().parameterCount() * 8, Files.size(lcaDir.resolve("parameters.f64")));
        JsonObject summary = JsonParser.parseString(Files.readString(lcaDir.resolve("summary.json"))).getAsJsonObject();
        double layerSum = summary.getAsJsonObject("layers").entrySet().stream()
                .mapToDouble(e -> e.getValue().getAsDouble()).sum();
        assertEquals(summary.get("allocated").getAsDouble(), layerSum, 1e-9);
        // Per term: each term's allocation tracks its own real change, and the terms add up to the total.
        JsonObject terms = summary.getAsJsonObject("terms");
        assertEquals(List.of("policy", "value", "entropy"), List.copyOf(terms.keySet()));
        double termAllocated = 0;
        double termActual = 0;
        for (String term : terms.keySet()) {
            JsonObject t = terms.getAsJsonObject(term);
            double termScale = t.get("sumAbsStepError").getAsDouble() + Math.abs(t.get("actual").getAsDouble());
            assertTrue(Math.abs(t.get("error").getAsDouble()) <= 0.01 * Math.abs(t.get("actual").getAsDouble())
                    + 1e-3 * allocated.length / 100.0, term + ": " + t + " (scale " + termScale + ")");
            termAllocated += t.get("allocated").getAsDouble();
            termActual += t.get("actual").getAsDouble();
        }
        assertEquals(summary.get("allocated").getAsDouble(), termAllocated, 1e-9 * scale);
        assertEquals(summary.get("actual").getAsDouble(), termActual, 1e-9 * scale);
        assertTrue(Files.readAllLines(lcaDir.resolve("steps.jsonl")).get(0).contains("\"terms\": {\"policy\""));
        assertEquals(agent.net().parameterCount(), summary.get("cumulativeHelped").getAsLong()
                + summary.get("cumulativeHurt").getAsLong() + summary.get("cumulativeZero").getAsLong());
        String metrics = Files.readString(dir.metricsFile());
        for (String name : new String[] {"lca/total", "lca/error", "lca/helped_fraction", "lca/layer/torso.dense0",
                "lca/layer/policy.logits", "lca/layer/value.out", "lca/term/policy", "lca/term/value/error",
                "lca/term/entropy/actual", "lca/helped", "lca/hurt", "lca/zero", "lca/helped_among_moved"}) {
            assertTrue(metrics.contains("\"" + name + "\""), name);
        }
    }
}
