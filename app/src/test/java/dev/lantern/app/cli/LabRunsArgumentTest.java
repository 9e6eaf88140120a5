package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lantern lab --runs}: directories that are not runs are bad input, each named, before any window opens. */
class LabRunsArgumentTest {

    @Test
    void missingAndIncompleteRunDirectoriesAreEachNamedWithExitCode2(@TempDir Path tmp) throws Exception {
        Path half = tmp.resolve("half");
        Files.createDirectories(half.resolve("checkpoints/step-000000128"));
        Files.writeString(half.resolve("config.json"), "{}");
        Result r = lantern("lab", "--runs", tmp.resolve("nope").toString(), half.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--runs: " + tmp.resolve("nope") + ": no such run directory"), r.err());
        assertTrue(r.err().contains(half + ": not a run directory (no manifest.json)"), r.err());
        assertTrue(r.err().contains(half + ": not a run directory (no metrics.jsonl)"), r.err());
        assertTrue(r.err().contains(half + ": no checkpoint with a network.zip"), r.err());
    }

    @Test
    void aFolderOfRunsIsCheckedRunByRunAndAFolderWithoutRunsIsNamed(@TempDir Path tmp) throws Exception {
        Path fork = tmp.resolve("forks/step-128-seed-0");
        Path child = fork.resolve("child-0");
        Files.createDirectories(child);
        Files.writeString(child.resolve("config.json"), "{}");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result r = lantern("lab", "--runs", fork.toString(), empty.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(child + ": not a run directory (no manifest.json)"), "the child is checked: "
                + r.err());
        assertTrue(r.err().contains(empty + ": not a run directory (no config.json), and no sub-folder of it is a run"),
                r.err());
    }
}
