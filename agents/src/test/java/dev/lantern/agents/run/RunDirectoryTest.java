package dev.lantern.agents.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunDirectory} with what killed runs and full disks leave: a directory that holds only a run stopped before its
 * first checkpoint is reused, one with real work is refused, leftovers of interrupted writes are cleared, a directory
 * that cannot be written says so, and writes that fail name the file.
 */
class RunDirectoryTest {

    @AfterEach
    void noFaults() {
        System.clearProperty(FaultInjection.PROPERTY);
        FaultInjection.reset();
    }

    /** What a run killed at 19k steps of a 40k run with checkpoints every 20k leaves. */
    private static Path strandedRun(Path root) throws Exception {
        Files.createDirectories(root.resolve("checkpoints/.tmp-step-123"));
        Files.writeString(root.resolve("checkpoints/.tmp-step-123/state.json"), "{\"envSteps\": 20");
        Files.writeString(root.resolve("manifest.json"), "{\"status\": \"running\"}\n");
        Files.writeString(root.resolve("config.json"), "{}\n");
        Files.writeString(root.resolve("metrics.jsonl"), "{\"step\": 19000, \"time\": 1.0, \"name\": \"x\", \"va");
        Files.createDirectories(root.resolve("lca"));
        Files.writeString(root.resolve("lca/steps.jsonl"), "{\"update\": 1}\n");
        Files.writeString(root.resolve(".manifest.json123.tmp"), "{");
        Files.writeString(root.resolve(RunLock.FILE), "4242\n");
        return root;
    }

    private static List<String> entries(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aDirectoryHoldingOnlyARunStoppedBeforeItsFirstCheckpointIsClearedAndReused(@TempDir Path tmp)
            throws Exception {
        Path root = strandedRun(tmp.resolve("run"));
        RunDirectory dir = RunDirectory.create(root);
        try {
            assertTrue(dir.reused());
            assertEquals(List.of(RunLock.FILE, "checkpoints"), entries(root));
            assertEquals(String.valueOf(ProcessHandle.current().pid()), Files.readString(root.resolve(RunLock.FILE))
                    .trim(), "the reusing process holds the lock");
        } finally {
            dir.unlock();
        }
        RunDirectory fresh = RunDirectory.create(tmp.resolve("new"));
        assertFalse(fresh.reused());
    }

    @Test
    void aDirectoryWithACheckpointOrForeignFilesIsRefusedAndLeftAlone(@TempDir Path tmp) throws Exception {
        Path withCheckpoint = strandedRun(tmp.resolve("a"));
        Files.createDirectories(withCheckpoint.resolve("checkpoints/step-000020000"));
        List<String> before = entries(withCheckpoint);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.create(withCheckpoint));
        assertTrue(e.getMessage().contains("already exists and holds a run with checkpoints"), e.getMessage());
        assertEquals(before, entries(withCheckpoint));

        Path foreign = strandedRun(tmp.resolve("b"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        before = entries(foreign);
        e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.create(foreign));
        assertTrue(e.getMessage().contains("already exists and is not empty"), e.getMessage());
        assertEquals(before, entries(foreign));
    }

    @Test
    void aRunStillTrainingBeforeItsFirstCheckpointIsNotCleared(@TempDir Path tmp) throws Exception {
        Path root = strandedRun(tmp.resolve("run"));
        try (RunLock live = RunLock.acquire(root)) {
            List<String> before = entries(root);
            assertThrows(RunLockedException.class, () -> RunDirectory.create(root));
            assertEquals(before, entries(root));
        }
    }

    @Test
    void leftoversOfInterruptedWritesAreRemovedAndAMovedAsideCheckpointIsPutBack(@TempDir Path tmp)
            throws Exception {
        Path root = tmp.resolve("run");
        Files.createDirectories(root.resolve("checkpoints/step-000000100"));
        Files.createDirectories(root.resolve("checkpoints/.tmp-step-42/sub"));
        Files.writeString(root.resolve("checkpoints/.tmp-step-42/network.zip"), "half");
        // Moved aside to be replaced, and the replacement never arrived: the only copy of step 200.
        Files.createDirectories(root.resolve("checkpoints/.old-step-7"));
        Files.writeString(root.resolve("checkpoints/.old-step-7/state.json"), "{\"envSteps\": 200}\n");
        // Moved aside and replaced: a duplicate.
        Files.createDirectories(root.resolve("checkpoints/.old-step-8"));
        Files.writeString(root.resolve("checkpoints/.old-step-8/state.json"), "{\"envSteps\": 100}\n");
        Files.createDirectories(root.resolve("lca"));
        Files.writeString(root.resolve("lca/.summary.json99.tmp"), "{");
        Files.writeString(root.resolve("config.json"), "{}\n");
        Files.writeString(root.resolve("manifest.json"), "{}\n");
        RunDirectory dir = RunDirectory.open(root);
        List<String> removed = dir.removeLeftovers();
        assertEquals(List.of("checkpoints/.old-step-7 (put back as step-000000200)", "checkpoints/.old-step-8",
                "checkpoints/.tmp-step-42", "lca/.summary.json99.tmp"), removed);
        assertEquals(List.of("checkpoints", "checkpoints/step-000000100", "checkpoints/step-000000200",
                "checkpoints/step-000000200/state.json", "config.json", "lca", "manifest.json"), entries(root));
    }

    @Test
    void aRunKilledBeforeItWroteItsManifestCanBeOpenedToStartAgain(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("run");
        Files.createDirectories(root.resolve("checkpoints"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.open(root));
        assertTrue(e.getMessage().contains("not a Lantern run directory (no manifest.json)"), e.getMessage());
        Files.writeString(root.resolve("config.json"), "{}\n");
        assertEquals(root, RunDirectory.open(root).path());
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsRefusedSayingSo(@TempDir Path tmp) throws Exception {
        Path readOnly = Files.createDirectories(tmp.resolve("ro"));
        ReadOnlyDirectory guard = ReadOnlyDirectory.make(readOnly);
        try {
            for (Path out : List.of(readOnly, readOnly.resolve("run"), readOnly.resolve("a/b"))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> RunDirectory.create(out));
                assertTrue(e.getMessage().startsWith(out + ": not writable ("), e.getMessage());
                assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            }
            assertEquals(List.of(), entries(readOnly), "nothing written");
        } finally {
            guard.undo();
        }
    }

    @Test
    void aFullDiskDuringAnAppendNamesTheFileAndLeavesAPartialLastLine(@TempDir Path tmp) throws Exception {
        System.setProperty(FaultInjection.PROPERTY, "enospc:metrics.jsonl:3");
        Path file = tmp.resolve("metrics.jsonl");
        MetricsFile metrics = new MetricsFile(file);
        metrics.scalar(1, "a/b", 1.0);
        metrics.scalar(2, "a/b", 2.0);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> metrics.scalar(3, "a/b", 3.0));
        assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
        assertThrows(UncheckedIOException.class, () -> metrics.scalar(4, "a/b", 4.0), "the disk stays full");
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).endsWith("}") && !lines.get(2).endsWith("}"), lines.toString());
    }

    @Test
    void aFullDiskDuringACheckpointLeavesNoHalfCheckpoint(@TempDir Path tmp) throws Exception {
        System.setProperty(FaultInjection.PROPERTY, "enospc:agent.state:1");
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        com.google.gson.JsonObject counters = new com.google.gson.JsonObject();
        counters.addProperty("envSteps", 64);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> dir.writeCheckpoint(64, null, counters,
                java.util.Map.of(RunDirectory.AGENT_STATE, out -> {
                    try {
                        out.write(new byte[1000]);
                    } catch (java.io.IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                })));
        assertEquals("cannot write checkpoint " + tmp.resolve("run/checkpoints/step-000000064")
                + ": No space left on device", e.getMessage());
        assertEquals(List.of("checkpoints"), entries(dir.path()));
    }
}
