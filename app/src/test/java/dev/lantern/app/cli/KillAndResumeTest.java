package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.run.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a training process (SIGKILL, no warning) in the middle of a run, resumes it with {@code lantern resume}, and
 * checks that the final parameters, {@code metrics.jsonl} (wall-clock values aside) and the LCA files are identical to
 * those of a run that was never stopped. Each run is a separate JVM, as a real kill and restart would be.
 */
class KillAndResumeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "\"env\": {\"id\": \"grid/key-door-v1\"}, \"agent\": {\"type\": \"ppo\", \"numEnvs\": 4, \"rolloutSteps\": 64, "
            + "\"minibatchSize\": 64, \"hiddenSizes\": [32, 32]}",
        "\"env\": {\"id\": \"grid/key-door-v1\"}, \"agent\": {\"type\": \"a2c\", \"numEnvs\": 4, \"rolloutSteps\": 16, "
            + "\"hiddenSizes\": [32, 32]}",
        "\"env\": {\"id\": \"grid/key-door-v1\"}, \"agent\": {\"type\": \"dqn\", \"numEnvs\": 4, "
            + "\"bufferCapacity\": 1500, \"learningStarts\": 300, \"gradientSteps\": 1, "
            + "\"targetUpdateInterval\": 50, \"epsilonDecaySteps\": 3000, \"hiddenSizes\": [32, 32], \"prioritized\": true}",
        "\"env\": {\"id\": \"game/tic-tac-toe-v1\"}, \"agent\": {\"type\": \"alphazero\", \"gamesPerIteration\": 8, "
            + "\"simulations\": 16, \"batchSize\": 32, \"trainingStepsPerIteration\": 4, \"hiddenSizes\": [32, 32], "
            + "\"evalGames\": 2, \"evalSimulations\": 8, \"evalUctSimulations\": 8}",
        // planners: enough simulations that the run lasts the seconds a kill needs (with max backup a few dozen
        // simulations solve key-door and the whole run took 2 s on a quiet machine)
        "\"env\": {\"id\": \"grid/key-door-v1\"}, \"agent\": {\"type\": \"mcts\", \"simulations\": 256, \"horizon\": 10, "
            + "\"temperature\": 1.0}"})
    void aKilledRunResumesToExactlyTheUninterruptedResult(String envAndAgent, @TempDir Path tmp) throws Exception {
        killAndResume(envAndAgent, tmp);
    }

    /** Slow tier: more of the same, kept out of the default tier's five minutes. */
    @Tag("slow")
    @ParameterizedTest
    @ValueSource(strings = {
        // a level family: the level in play is part of the saved state (a kill lands mid-episode on some maze)
        "\"env\": {\"id\": \"grid/procedural-maze-15-v1\", \"maxEpisodeSteps\": 96}, \"agent\": {\"type\": \"ppo\", "
            + "\"numEnvs\": 4, \"rolloutSteps\": 64, \"minibatchSize\": 64, \"hiddenSizes\": [16, 16]}",
        // the planner at temperature 0 (its default): a kill between two searches of one greedy episode
        "\"env\": {\"id\": \"grid/key-door-v1\"}, \"agent\": {\"type\": \"mcts\", \"simulations\": 160, \"horizon\": 20}"})
    void moreKilledRunsResumeToExactlyTheUninterruptedResult(String envAndAgent, @TempDir Path tmp) throws Exception {
        killAndResume(envAndAgent, tmp);
    }

    private static void killAndResume(String envAndAgent, Path tmp) throws Exception {
        // PPO's run splits its LCA by loss term (off by default), so the terms' totals are resumed exactly too.
        Path config = experimentFile(tmp.resolve("resume.json"), """
                {"name": "resume", "seed": 11, %s,
                 "training": {"totalEnvSteps": 4096, "evalEpisodes": 2, "checkpointEveryEnvSteps": 700,
                              "evalEveryEnvSteps": 1400},
                 "lca": {"probeSize": 32, "perTerm": %s}}
                """.formatted(envAndAgent, perTerm(envAndAgent)));
        // The uninterrupted run and the one to kill train side by side (separate JVMs, separate directories): the
        // test's wall time is the longer of the two, not their sum.
        Path whole = tmp.resolve("whole");
        Process uninterrupted = start(tmp, "run", "--config", config.toString(), "--out", whole.toString());
        Path killed = tmp.resolve("killed");
        Process p = start(tmp, "run", "--config", config.toString(), "--out", killed.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (checkpoints(killed) < 2 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(150); // somewhere inside a later iteration
        assertTrue(p.isAlive(), "the run ended before it could be killed; raise the budget");
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(Files.readString(killed.resolve("manifest.json")).contains("\"status\": \"running\""));
        long linesAtKill = Files.readAllLines(killed.resolve("metrics.jsonl")).size();

        assertEquals(0, finish(start(tmp, "resume", killed.toString()), killed));
        assertEquals(0, finish(uninterrupted, whole));
        assertTrue(linesAtKill < Files.readAllLines(whole.resolve("metrics.jsonl")).size());

        assertEquals(metricsWithoutTime(whole), metricsWithoutTime(killed));
        if (!Files.exists(whole.resolve("lca"))) { // a planner without a network: no LCA, no network.zip
            assertTrue(Files.readString(killed.resolve("manifest.json")).contains("\"status\": \"completed\""));
            return;
        }
        for (String f : List.of("lca/steps.jsonl", "lca/neurons.jsonl", "lca/parameters.f64", "lca/summary.json")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
        }
        String last;
        try (Stream<Path> s = Files.list(whole.resolve("checkpoints"))) {
            last = s.map(c -> c.getFileName().toString()).filter(n -> n.startsWith("step-")).max(String::compareTo)
                    .orElseThrow();
        }
        ComputationGraph a = ModelSerializer.restoreComputationGraph(
                whole.resolve("checkpoints").resolve(last).resolve("network.zip").toFile(), true);
        ComputationGraph b = ModelSerializer.restoreComputationGraph(
                killed.resolve("checkpoints").resolve(last).resolve("network.zip").toFile(), true);
        assertArrayEquals(a.params().data().asFloat(), b.params().data().asFloat());
        assertArrayEquals(a.getUpdater().getStateViewArray().data().asFloat(),
                b.getUpdater().getStateViewArray().data().asFloat());
        String manifest = Files.readString(killed.resolve("manifest.json"));
        assertTrue(manifest.contains("\"status\": \"completed\"") && manifest.contains("\"resumes\""), manifest);
    }

    @Test
    @Tag("slow") // a PPO run to plan with, then two MCTS runs with a network forward at every leaf: minutes here
    void puctWithATrainedNetworkResumesExactlyRereadingTheSameCheckpoint(@TempDir Path tmp) throws Exception {
        Path network = DynamicsCommandTest.tinyRun(tmp, "ppo", "grid/four-rooms-v1", 1);
        aKilledRunResumesToExactlyTheUninterruptedResult("\"env\": {\"id\": \"grid/four-rooms-v1\", "
                + "\"maxEpisodeSteps\": 60}, \"agent\": {\"type\": \"mcts\", \"simulations\": 8, \"gamma\": 0.99, "
                + "\"horizon\": 20, \"network\": \"" + network + "@128\"}", tmp);
    }

    @Test
    void aSecondWriterIsRefusedWhileTheRunTrainsAndTheLockDiesWithTheProcess(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("live.json"), """
                {"name": "live", "seed": 3, "env": {"id": "grid/key-door-v1"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 64, "minibatchSize": 64, "hiddenSizes": [32, 32]},
                 "training": {"totalEnvSteps": 2000000, "checkpointEveryEnvSteps": 512}, "lca": {"enabled": false}}
                """);
        Path live = tmp.resolve("live");
        Process p = start(tmp, "run", "--config", config.toString(), "--out", live.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (checkpoints(live) < 1 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(p.isAlive() && checkpoints(live) >= 1, "the run should be training with a checkpoint");
            CliTest.Result r = CliTest.lantern("resume", live.toString());
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("another Lantern process (pid " + p.pid() + ") is writing this run"), r.err());
            assertTrue(Files.readString(live.resolve("manifest.json")).contains("\"status\": \"running\""));
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // Killed, the process holds nothing: the next writer takes the lock (its file still names the dead writer).
        assertEquals(String.valueOf(p.pid()), Files.readString(live.resolve(RunLock.FILE)).trim());
        try (RunLock lock = RunLock.acquire(live)) {
            assertEquals(String.valueOf(ProcessHandle.current().pid()), Files.readString(live.resolve(RunLock.FILE)).trim());
        }
    }

    private static long checkpoints(Path run) throws Exception {
        Path dir = run.resolve("checkpoints");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(c -> c.getFileName().toString().startsWith("step-")).count();
        }
    }

    private static Process start(Path tmp, String... args) throws Exception {
        return start(tmp, List.of(), args);
    }

    /** Starts {@code lantern args} in a new JVM with {@code jvmOptions}, its output appended to tmp/processes.log. */
    static Process start(Path tmp, List<String> jvmOptions, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.lantern.app.cli.LanternCli"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("processes.log").toFile()));
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    static int finish(Process p, Path run) throws Exception {
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "process did not finish: " + run);
        return p.exitValue();
    }

    private static List<String> metricsWithoutTime(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .filter(l -> !l.contains("\"name\": \"time/"))
                .map(l -> l.replaceFirst("\"time\": [^,]+, ", "")).toList();
    }

    /** Whether the case splits LCA by loss term: PPO's does. */
    private static boolean perTerm(String envAndAgent) {
        return envAndAgent.contains("\"type\": \"ppo\"");
    }
}
