package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.train.StopAfter;
import dev.lantern.agents.train.TrainingControl;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.app.engine.ExperimentRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.lantern.agents.run.ReadOnlyDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs that stopped at bad moments (a full disk mid-run or before the first checkpoint, during a checkpoint write, with
 * the manifest unwritable too; a kill that left a half-written checkpoint folder) and {@code --out} directories that
 * cannot be used: each ends in a clear state, one line on the error stream, and a directory that {@code lantern resume}
 * (or {@code lantern run --out}, for a run with no completed work) takes to exactly the result of a run never stopped.
 * Full disks are injected by the run files' test hook ({@code lantern.test.faults}).
 */
class StrandedRunTest {

    private static final String FAULTS = "lantern.test.faults";

    @TempDir
    static Path shared;
    private static Path config;
    private static Path whole;
    /** Lines of metrics.jsonl when the first checkpoint (step 192) was written. */
    private static long linesAtFirstCheckpoint;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        config = experimentFile(shared.resolve("stranded.json"), """
                {"name": "stranded", "seed": 5, "env": {"id": "grid/empty-5x5-v1"},
                 "agent": {"numEnvs": 2, "rolloutSteps": 32, "minibatchSize": 32, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 512, "evalEpisodes": 1, "checkpointEveryEnvSteps": 192},
                 "lca": {"probeSize": 16}}
                """);
        whole = shared.resolve("whole");
        CliTest.Result r = lantern("run", "--config", config.toString(), "--out", whole.toString());
        assertEquals(0, r.code(), r.err());
        linesAtFirstCheckpoint = SameRun.metricsLinesAt(whole, "step-000000192");
        assertTrue(linesAtFirstCheckpoint > 10, "the first checkpoint comes after some metrics");
    }

    @AfterEach
    void noFaults() {
        System.clearProperty(FAULTS);
    }

    /** {@code lantern args} with {@code faults} injected; the result's error text includes what was logged. */
    private static CliTest.Result withFaults(String faults, String... args) {
        System.setProperty(FAULTS, faults);
        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            CliTest.Result r = lantern(args);
            return new CliTest.Result(r.code(), r.out(), logged.toString(StandardCharsets.UTF_8) + r.err());
        } finally {
            System.setErr(err);
            System.clearProperty(FAULTS);
        }
    }

    private static String manifest(Path run) throws Exception {
        return Files.readString(run.resolve("manifest.json"));
    }

    private static void assertOneClearLine(CliTest.Result r, String... expected) {
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line on the error stream, no stack trace:\n" + r.err());
        for (String e : expected) {
            assertTrue(lines.get(0).contains(e), lines.get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics.jsonl", "lca/steps.jsonl"})
    void aFullDiskMidRunFailsTheRunWithOneLineAndItResumesOnceThereIsSpace(String file, @TempDir Path tmp)
            throws Exception {
        Path run = tmp.resolve("full");
        // A few lines after the first checkpoint (step 192, after 3 iterations of 8 updates each).
        long line = file.equals("metrics.jsonl") ? linesAtFirstCheckpoint + 5 : 3 * 8 + 4;
        CliTest.Result r = withFaults("enospc:" + Path.of(file).getFileName() + ":" + line, "run", "--config",
                config.toString(), "--out", run.toString());
        assertEquals(1, r.code(), r.err());
        assertOneClearLine(r, "lantern run: failed: ", "cannot write " + run.resolve(file),
                "No space left on device", "lantern resume");
        String m = manifest(run);
        assertTrue(m.contains("\"status\": \"failed\"") && m.contains("No space left on device"), m);
        assertFalse(Files.readString(run.resolve(file)).endsWith("\n"), "a partial last line");

        CliTest.Result resumed = lantern("resume", run.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("from step-000000192"), resumed.out());
        SameRun.assertSameResult(whole, run);
    }

    @Test
    void whenTheManifestCannotBeWrittenEitherTheLineSaysSo(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("full");
        String faults = "enospc:metrics.jsonl:" + (linesAtFirstCheckpoint + 5) + ",enospc:manifest.json:2";
        CliTest.Result r = withFaults(faults, "run", "--config", config.toString(), "--out", run.toString());
        assertEquals(1, r.code(), r.err());
        assertOneClearLine(r, "No space left on device", "cannot write " + run.resolve("manifest.json"),
                "the manifest does not record how the run ended");
        assertTrue(manifest(run).contains("\"status\": \"running\""), "the manifest could not be rewritten");

        assertEquals(0, lantern("resume", run.toString()).code());
        SameRun.assertSameResult(whole, run);
    }

    @Test
    void aRunThatFailedBeforeItsFirstCheckpointResumesFromScratchOrIsReplacedByRunOut(@TempDir Path tmp)
            throws Exception {
        Path run = tmp.resolve("early");
        CliTest.Result r = withFaults("enospc:metrics.jsonl:5", "run", "--config", config.toString(), "--out",
                run.toString());
        assertEquals(1, r.code(), r.err());
        assertOneClearLine(r, "No space left on device");
        assertEquals(List.of(), SameRun.checkpoints(run), "no checkpoint");

        CliTest.Result resumed = lantern("resume", run.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("from scratch"), resumed.out());
        SameRun.assertSameResult(whole, run);
        String m = manifest(run);
        assertTrue(m.contains("\"status\": \"completed\"") && m.contains("\"fromScratch\": true"), m);

        // The same stranded directory, given again to run --out: it holds no completed work, so it is reused.
        Path again = tmp.resolve("again");
        assertEquals(1, withFaults("enospc:metrics.jsonl:7", "run", "--config", config.toString(), "--out",
                again.toString()).code());
        CliTest.Result rerun = lantern("run", "--config", config.toString(), "--out", again.toString());
        assertEquals(0, rerun.code(), rerun.err());
        assertEquals(1, rerun.out().lines().filter(l -> l.contains("reusing it")).count(), rerun.out());
        SameRun.assertSameResult(whole, again);
        // A directory with real work is still refused.
        CliTest.Result clash = lantern("run", "--config", config.toString(), "--out", again.toString());
        assertEquals(2, clash.code());
        assertTrue(clash.err().contains("already exists and holds a run with checkpoints"), clash.err());
    }

    @Test
    void aFullDiskBeforeTheFirstWriteLeavesADirectoryThatResumeOrRunOutTakesOver(@TempDir Path tmp)
            throws Exception {
        Path run = tmp.resolve("nomanifest");
        CliTest.Result r = withFaults("enospc:manifest.json:1", "run", "--config", config.toString(), "--out",
                run.toString());
        assertEquals(1, r.code(), r.err());
        assertOneClearLine(r, "cannot write " + run.resolve("manifest.json"), "No space left on device");
        assertFalse(Files.exists(run.resolve("manifest.json")));
        CliTest.Result resumed = lantern("resume", run.toString());
        assertEquals(0, resumed.code(), resumed.err());
        SameRun.assertSameResult(whole, run);
    }

    @Test
    void aFullDiskDuringACheckpointWriteLeavesNoHalfCheckpointAndResumes(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("ckpt");
        CliTest.Result r = withFaults("enospc:agent.state:2", "run", "--config", config.toString(), "--out",
                run.toString());
        assertEquals(1, r.code(), r.err());
        assertOneClearLine(r, "cannot write checkpoint " + run.resolve("checkpoints/step-000000384"),
                "No space left on device");
        assertEquals(List.of("step-000000192"), SameRun.checkpoints(run));
        assertEquals(0, lantern("resume", run.toString()).code());
        SameRun.assertSameResult(whole, run);
    }

    @Test
    void leftoverTemporaryCheckpointFoldersAreRemovedOnResume(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("stopped");
        TrainingControl control = new TrainingControl();
        ExperimentRun er = ExperimentRun.builder(ExperimentLoader.load(config)).runDirectory(run).control(control)
                .observer(StopAfter.iterations(control, 4)).build();
        assertEquals("interrupted", er.run().status());
        // What a kill in the middle of the next checkpoint leaves.
        Path leftover = Files.createDirectories(run.resolve("checkpoints/.tmp-step-4242"));
        Files.write(leftover.resolve("network.zip"), new byte[100]);
        CliTest.Result resumed = lantern("resume", run.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("removed what an interrupted write left: checkpoints/.tmp-step-4242"),
                resumed.out());
        assertFalse(Files.exists(leftover));
        SameRun.assertSameResult(whole, run);
    }

    @Test
    void aReadOnlyOutSaysWhyAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path readOnly = Files.createDirectories(tmp.resolve("ro"));
        ReadOnlyDirectory guard = ReadOnlyDirectory.make(readOnly);
        try {
            for (Path out : List.of(readOnly, readOnly.resolve("run"))) {
                CliTest.Result r = lantern("run", "--config", config.toString(), "--out", out.toString());
                assertEquals(2, r.code(), r.err());
                assertOneClearLine(r, out.toString(), "not writable");
            }
            try (var s = Files.list(readOnly)) {
                assertEquals(0, s.count(), "nothing written");
            }
        } finally {
            guard.undo();
        }
    }
}
