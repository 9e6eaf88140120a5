package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.actorcritic.A2cAgent;
import dev.lantern.agents.actorcritic.A2cConfig;
import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.alphazero.AlphaZeroAgent;
import dev.lantern.agents.alphazero.AlphaZeroConfig;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.dqn.DqnAgent;
import dev.lantern.agents.dqn.DqnConfig;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.environments.board.TicTacToe;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Divergence stops a run: a non-finite loss, gradient norm or parameter fails it with the step, the metric and a hint,
 * before the poisoned state reaches a checkpoint; a runaway value is warned about once and changes nothing.
 */
class DivergenceTest {

    private static final String GRID = "grid/empty-5x5-v1";

    @BeforeAll
    static void backend() {
        Backend.configure();
    }

    /** PPO as the issue ran it: a learning rate of 1e30 and no gradient clipping (tiny sizes). */
    @Test
    void ppoWithAHugeLearningRateFailsAtItsFirstNonFiniteLoss(@TempDir Path tmp) throws IOException {
        PpoConfig c = new PpoConfig(2, 32, 4, 16, 1e30, 0.99, 0.95, 0.2, 0.5, 0.02, 0, List.of(8, 8), true, true);
        Path dir = tmp.resolve("run");
        RunOutcome outcome = train(PpoAgent.create(c, () -> EnvRegistry.make(GRID), 1, 640, 0, DataType.FLOAT), dir,
                640, 64);
        assertDiverged(outcome, dir, 64, "loss/");
        // It diverged in its first iteration: nothing was checkpointed, and the manifest says so.
        assertTrue(checkpoints(dir).isEmpty(), checkpoints(dir).toString());
        assertFalse(manifest(dir).getAsJsonObject("divergence").has("lastGoodCheckpoint"));
    }

    /**
     * PPO with one update per iteration: the first update (finite loss) throws the parameters to about 1e30, a runaway
     * warned about and checkpointed; the next iteration's loss is NaN and the run stops there, keeping that checkpoint.
     */
    @Test
    void aRunThatDivergesLaterKeepsItsLastFiniteCheckpoint(@TempDir Path tmp) throws IOException {
        PpoConfig c = new PpoConfig(2, 32, 1, 64, 1e30, 0.99, 0.95, 0.2, 0.5, 0.02, 0, List.of(8, 8), true, false);
        Path dir = tmp.resolve("run");
        RunOutcome outcome = train(PpoAgent.create(c, () -> EnvRegistry.make(GRID), 1, 640, 0, DataType.FLOAT), dir,
                640, 64);
        assertDiverged(outcome, dir, 128, "");
        assertEquals(List.of("step-000000064"), checkpoints(dir));
        assertFinite(dir.resolve("checkpoints/step-000000064"));
        JsonObject m = manifest(dir);
        assertEquals("step-000000064", m.getAsJsonObject("divergence").get("lastGoodCheckpoint").getAsString());
        String warnings = m.getAsJsonArray("warnings").toString();
        assertTrue(warnings.contains("runaway at env step 64: parameters (L2 norm)"), warnings);
    }

    @Test
    void a2cWithAHugeLearningRateFails(@TempDir Path tmp) throws IOException {
        A2cConfig c = new A2cConfig(2, 16, 1e30, 0.99, 0.95, 0.5, 0.01, 0, List.of(8, 8), false, false);
        Path dir = tmp.resolve("run");
        RunOutcome outcome = train(A2cAgent.create(c, () -> EnvRegistry.make(GRID), 1, 640, 0, DataType.FLOAT), dir,
                640, 32);
        assertDiverged(outcome, dir, -1, "");
        for (String cp : checkpoints(dir)) {
            assertFinite(dir.resolve("checkpoints").resolve(cp));
        }
    }

    /**
     * DQN with a learning rate of 1e30 does not reach NaN (its Huber loss keeps gradients bounded): Q values of about
     * 1e30 are a runaway, warned about once per metric, and the run goes on as before.
     */
    @Test
    void dqnWithAHugeLearningRateRunsAwayWithWarnings(@TempDir Path tmp) throws IOException {
        DqnConfig d = DqnConfig.defaults();
        DqnConfig c = new DqnConfig(2, 1e30, d.gamma(), 500, 16, 32, 4, 1, 50, 1.0, true, 1, 1.0, 0.05, 500, false,
                0.6, 0.4, 1e-6, 0, List.of(8, 8), 1.0);
        Path dir = tmp.resolve("run");
        RunOutcome outcome = train(DqnAgent.create(c, () -> EnvRegistry.make(GRID), 1, 200, 0, DataType.FLOAT), dir,
                200, 40);
        assertEquals("completed", outcome.status(), outcome.failure());
        List<String> warnings = new ArrayList<>();
        manifest(dir).getAsJsonArray("warnings").forEach(w -> warnings.add(w.getAsString().replaceAll(" reached .*", "")));
        assertEquals(List.of("runaway at env step 32: parameters (L2 norm)", "runaway at env step 40: loss/td",
                "runaway at env step 40: q/mean"), warnings);
    }

    @Test
    void alphaZeroWithAHugeLearningRateFails(@TempDir Path tmp) throws IOException {
        AlphaZeroConfig d = AlphaZeroConfig.defaults().withSelfPlay(4, 8).withTraining(16, 3, List.of(16, 16));
        AlphaZeroConfig c = new AlphaZeroConfig(d.gamesPerIteration(), d.simulations(), d.cPuct(), d.dirichletAlpha(),
                d.dirichletFraction(), d.temperatureMoves(), d.replayCapacity(), d.batchSize(),
                d.trainingStepsPerIteration(), 1e30, d.l2(), d.hiddenSizes(), d.mirrorAugment(), 0, d.evalGames(),
                d.evalSimulations(), d.evalUctSimulations());
        Path dir = tmp.resolve("run");
        RunOutcome outcome = train(AlphaZeroAgent.create(c, TicTacToe.instance(), 1, DataType.FLOAT), dir, 2000, 30);
        assertDiverged(outcome, dir, -1, "");
        for (String cp : checkpoints(dir)) {
            assertFinite(dir.resolve("checkpoints").resolve(cp));
        }
    }

    /** A parameter that turns NaN while every metric stays finite is found, and its layer named. */
    @Test
    void aNonFiniteParameterIsNamedByLayer(@TempDir Path tmp) throws IOException {
        PpoConfig c = new PpoConfig(2, 32, 1, 64, 1e-3, 0.99, 0.95, 0.2, 0.5, 0.02, 0.5, List.of(8, 8), true, false);
        PpoAgent ppo = PpoAgent.create(c, () -> EnvRegistry.make(GRID), 1, 640, 0, DataType.FLOAT);
        LearningAgent poisoned = new Delegate(ppo) {
            private int iterations;

            @Override
            public void iterate(TrainingSession session) {
                super.iterate(session);
                if (++iterations == 3) {
                    // torso.dense1 is the second layer: its first weight sits right after torso.dense0's block
                    int index = (int) ppo.network().getLayer("torso.dense0").numParams();
                    ppo.network().params().putScalar(index, Double.POSITIVE_INFINITY);
                }
            }
        };
        Path dir = tmp.resolve("run");
        RunOutcome outcome = train(poisoned, dir, 640, 64);
        assertEquals("failed", outcome.status());
        assertEquals("training diverged at env step 192: parameters of torso.dense1 contain Infinity; "
                + DivergenceException.HINT, outcome.failure());
        assertDiverged(outcome, dir, 192, "parameters of torso.dense1");
        assertEquals(List.of("step-000000064", "step-000000128"), checkpoints(dir),
                "the checkpoint of iteration 3 is never written");
        assertFinite(dir.resolve("checkpoints/step-000000128"));
    }

    /** A loss of 1e7 gets one warning (in the manifest too), the metric is written as it is, and the run completes. */
    @Test
    void aRunawayLossIsWarnedAboutOnceAndChangesNothing(@TempDir Path tmp) throws IOException {
        LearningAgent loud = new IdleAgent() {
            @Override
            public void iterate(TrainingSession session) {
                super.iterate(session);
                session.metric("loss/total", 1e7);
                session.metric("episode/whatever", 1e9); // not a loss: no warning
            }
        };
        Path dir = tmp.resolve("run");
        RunOutcome outcome = train(loud, dir, 30, 0);
        assertEquals("completed", outcome.status(), outcome.failure());
        List<String> values = Files.readAllLines(dir.resolve("metrics.jsonl")).stream()
                .filter(l -> l.contains("\"loss/total\"")).toList();
        assertEquals(3, values.size());
        assertTrue(values.stream().allMatch(l -> l.contains("\"value\": 1.0E7")), values.toString());
        List<String> warnings = new ArrayList<>();
        manifest(dir).getAsJsonArray("warnings").forEach(w -> warnings.add(w.getAsString()));
        assertEquals(List.of("runaway at env step 10: loss/total reached 1.00e+07 (warned at magnitude 1e6); training "
                + "may be diverging: " + DivergenceException.HINT), warnings);
    }

    /** A resumed run does not warn again about a runaway its manifest already records. */
    @Test
    void aResumedRunWarnsOncePerMetric(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        TrainingControl control = new TrainingControl();
        RunDirectory created = RunDirectory.create(dir);
        created.writeConfig(new JsonObject());
        RunOutcome first = Trainer.builder(loud(), new TrainerSettings(60, 10, 0)).runDirectory(created)
                .control(control).recorder(StopAfter.iterations(control, 3)).build().run();
        assertEquals("interrupted", first.status());
        assertEquals(1, manifest(dir).getAsJsonArray("warnings").size());
        RunDirectory again = RunDirectory.open(dir);
        RunOutcome rest = Trainer.builder(loud(), new TrainerSettings(60, 10, 0)).runDirectory(again)
                .manifest(manifest(dir)).resumeFrom(again.latestResumableCheckpoint()).build().run();
        assertEquals("completed", rest.status(), rest.failure());
        String warnings = manifest(dir).getAsJsonArray("warnings").toString();
        assertEquals(1, manifest(dir).getAsJsonArray("warnings").size(), warnings);
        assertTrue(warnings.contains("runaway at env step 10: loss/total"), warnings);
    }

    private static LearningAgent loud() {
        return new IdleAgent() {
            @Override
            public void iterate(TrainingSession session) {
                super.iterate(session);
                session.metric("loss/total", 1e7);
            }
        };
    }

    /** A NaN reported for wall-clock metrics is no divergence (they measure time, not training). */
    @Test
    void timeMetricsAreNotWatched() {
        LearningAgent agent = new IdleAgent() {
            @Override
            public void iterate(TrainingSession session) {
                super.iterate(session);
                session.metric("time/update_seconds", Double.NaN);
            }
        };
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(30, 0, 0)).build().run();
        assertEquals("completed", outcome.status(), outcome.failure());
    }

    /** Without a run directory (the lab, benchmarks) divergence stops the run too. */
    @Test
    void divergenceStopsARunWithoutFiles() {
        LearningAgent agent = new IdleAgent() {
            @Override
            public void iterate(TrainingSession session) {
                super.iterate(session);
                session.metric("grad/global_norm", session.envSteps() >= 20 ? Double.NaN : 1.0);
            }
        };
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(100, 0, 0)).build().run();
        assertEquals("failed", outcome.status());
        assertEquals(20, outcome.envSteps());
        assertTrue(outcome.failure().startsWith("training diverged at env step 20: grad/global_norm is NaN; lower "
                + "agent.learningRate"), outcome.failure());
    }

    private static RunOutcome train(LearningAgent agent, Path dir, long steps, long checkpointEvery) {
        return Trainer.builder(agent, new TrainerSettings(steps, checkpointEvery, 0))
                .runDirectory(RunDirectory.create(dir)).build().run();
    }

    /**
     * The run failed as diverged at {@code step} (any step when -1) on a metric starting with {@code metric}; the
     * manifest says so; no metric line comes after the diverged iteration's.
     */
    private static void assertDiverged(RunOutcome outcome, Path dir, long step, String metric) throws IOException {
        assertEquals("failed", outcome.status());
        String failure = outcome.failure();
        assertTrue(failure.startsWith("training diverged at env step "), failure);
        assertTrue(failure.endsWith(DivergenceException.HINT), failure);
        JsonObject m = manifest(dir);
        assertEquals("failed", m.get("status").getAsString());
        assertEquals(failure, m.get("failure").getAsString());
        JsonObject d = m.getAsJsonObject("divergence");
        long at = d.get("envStep").getAsLong();
        if (step >= 0) {
            assertEquals(step, at, failure);
        }
        assertTrue(d.get("metric").getAsString().startsWith(metric), d.toString());
        assertTrue(List.of("NaN", "Infinity", "-Infinity").contains(d.get("value").getAsString()), d.toString());
        assertEquals(at, outcome.envSteps(), "the run stops at the iteration that diverged");
        List<JsonObject> lines = Files.readAllLines(dir.resolve("metrics.jsonl")).stream()
                .map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertTrue(lines.stream().allMatch(l -> l.get("step").getAsLong() <= at), "nothing after the divergence");
        if (!d.get("metric").getAsString().startsWith("parameters")) {
            assertTrue(lines.stream().anyMatch(l -> l.get("name").getAsString().equals(d.get("metric").getAsString())
                    && l.get("step").getAsLong() == at && isNonFinite(l.get("value"))),
                    "the non-finite metric line is written");
        }
        assertFalse(lines.stream().anyMatch(l -> l.get("step").getAsLong() == at
                && l.get("name").getAsString().equals("time/steps_per_second")));
    }

    private static boolean isNonFinite(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    private static void assertFinite(Path checkpoint) throws IOException {
        ComputationGraph net = ModelSerializer.restoreComputationGraph(checkpoint.resolve("network.zip").toFile(), true);
        for (double v : net.params().toDoubleVector()) {
            assertTrue(Double.isFinite(v), checkpoint + " holds a non-finite parameter");
        }
    }

    private static List<String> checkpoints(Path dir) throws IOException {
        Path cps = dir.resolve("checkpoints");
        if (!Files.isDirectory(cps)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cps)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static JsonObject manifest(Path dir) throws IOException {
        JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
        assertNotNull(m.get("status"));
        return m;
    }

    /** Forwards everything to another agent. */
    private static class Delegate implements LearningAgent {
        private final LearningAgent inner;

        Delegate(LearningAgent inner) {
            this.inner = inner;
        }

        @Override
        public void iterate(TrainingSession session) {
            inner.iterate(session);
        }

        @Override
        public PolicyValueView snapshot() {
            return inner.snapshot();
        }

        @Override
        public ComputationGraph network() {
            return inner.network();
        }

        @Override
        public long updates() {
            return inner.updates();
        }

        @Override
        public void saveState(StateWriter out) {
            inner.saveState(out);
        }

        @Override
        public void restoreState(StateReader in) {
            inner.restoreState(in);
        }
    }
}
