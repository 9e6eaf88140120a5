package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.lantern;
import static dev.lantern.app.cli.CliTest.experimentFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.train.StopAfter;
import dev.lantern.agents.train.TrainingControl;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.app.engine.ExperimentRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lantern resume} on directories it cannot continue: a clear message, exit 2, nothing changed. */
class ResumeCommandTest {

    @Test
    void aMissingOrForeignDirectoryIsBadInput(@TempDir Path tmp) {
        CliTest.Result r = lantern("resume", tmp.resolve("nope").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such run directory"), r.err());
        r = lantern("resume", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a Lantern run directory (no manifest.json)"), r.err());
    }

    @Test
    void completedRunsAndCorruptCheckpointsAreRefusedWithoutTouchingTheRun(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("c.json"), """
                {"name": "r", "seed": 2, "env": {"id": "grid/empty-5x5-v1"},
                 "agent": {"numEnvs": 2, "rolloutSteps": 32, "minibatchSize": 32, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 256, "evalEpisodes": 1, "checkpointEveryEnvSteps": 64,
                              "evalEveryEnvSteps": 96},
                 "lca": {"probeSize": 16}}
                """);
        Path run = tmp.resolve("run");
        assertEquals(0, lantern("run", "--config", config.toString(), "--out", run.toString()).code());
        CliTest.Result r = lantern("resume", run.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("already completed; nothing to resume"), r.err());

        assertTrue(Files.notExists(run.resolve("checkpoints/step-000000256/agent.state")),
                "a completed run keeps no resume state");

        // A run stopped after two iterations (as Ctrl-C does) leaves a resumable checkpoint; damage its agent state.
        Path whole = run;
        Path stopped = stopAfterTwoIterations(config, tmp.resolve("stopped"));
        run = stopped;
        Path manifest = run.resolve("manifest.json");
        Path state = run.resolve("checkpoints/step-000000128/agent.state");
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        byte[] metricsBefore = Files.readAllBytes(run.resolve("metrics.jsonl"));
        byte[] stepsBefore = Files.readAllBytes(run.resolve("lca/steps.jsonl"));
        r = lantern("resume", run.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot resume") && r.err().contains("agent.state") && r.err().contains("truncated"),
                r.err());
        assertArrayEquals(metricsBefore, Files.readAllBytes(run.resolve("metrics.jsonl")));
        assertArrayEquals(stepsBefore, Files.readAllBytes(run.resolve("lca/steps.jsonl")));
        assertTrue(Files.readString(manifest).contains("\"interrupted\""));

        // Undamaged, the stopped run resumes to exactly the uninterrupted run (its evaluation lines are cut away).
        Path again = stopAfterTwoIterations(config, tmp.resolve("again"));
        assertEquals(0, lantern("resume", again.toString()).code());
        assertEquals(withoutTime(whole), withoutTime(again));
    }

    @Test
    void aStoppedTabularRunResumesToTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("t.json"), """
                {"name": "t", "seed": 4, "env": {"id": "grid/four-rooms-v1"}, "agent": {"type": "tabular"},
                 "training": {"totalEnvSteps": 5000, "evalEpisodes": 1, "checkpointEveryEnvSteps": 100}}
                """);
        Path whole = tmp.resolve("whole");
        CliTest.Result r = lantern("run", "--config", config.toString(), "--out", whole.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("LCA off (no network)"), r.out());
        assertTrue(Files.exists(whole.resolve("checkpoints").resolve(lastCheckpoint(whole)).resolve("agent.state")),
                "a completed tabular run keeps its table");
        Path stopped = stopAfterTwoIterations(config, tmp.resolve("stopped"));
        assertEquals(0, lantern("resume", stopped.toString()).code());
        assertEquals(withoutTime(whole), withoutTime(stopped));
    }

    private static String lastCheckpoint(Path run) throws Exception {
        try (java.util.stream.Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            return s.map(c -> c.getFileName().toString()).filter(n -> n.startsWith("step-")).max(String::compareTo)
                    .orElseThrow();
        }
    }

    private static Path stopAfterTwoIterations(Path config, Path dir) {
        TrainingControl control = new TrainingControl();
        ExperimentRun er = ExperimentRun.builder(ExperimentLoader.load(config)).runDirectory(dir).control(control)
                .observer(StopAfter.iterations(control, 2)).build();
        assertEquals("interrupted", er.run().status());
        return dir;
    }

    private static java.util.List<String> withoutTime(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .filter(l -> !l.contains("\"name\": \"time/"))
                .map(l -> l.replaceFirst("\"time\": [^,]+, ", "")).toList();
    }
}
