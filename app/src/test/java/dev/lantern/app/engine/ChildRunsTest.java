package dev.lantern.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child lantern processes: their exit codes, logs, order of results, and the parallelism bound. */
class ChildRunsTest {

    @Test
    void childrenRunWithTheirOwnLogsAndExitCodesInTheOrderGiven(@TempDir Path tmp) throws Exception {
        List<ChildRuns.Job> jobs = List.of(
                new ChildRuns.Job("envs", List.of("envs"), tmp.resolve("logs/envs.log")),
                new ChildRuns.Job("bad", List.of("run", "--steps", "-5"), tmp.resolve("logs/bad.log")),
                new ChildRuns.Job("version", List.of("--version"), tmp.resolve("logs/version.log")));
        List<String> heard = new ArrayList<>();
        List<ChildRuns.Result> results = ChildRuns.runAll(jobs, 2, r -> heard.add(r.job().label()));
        assertEquals(List.of("envs", "bad", "version"), results.stream().map(r -> r.job().label()).toList());
        assertEquals(0, results.get(0).exitCode(), Files.readString(tmp.resolve("logs/envs.log")));
        assertTrue(Files.readString(tmp.resolve("logs/envs.log")).contains("grid/four-rooms-v1"));
        assertEquals(2, results.get(1).exitCode(), "bad input exits 2 in the child as on the command line");
        assertFalse(results.get(1).ok());
        assertTrue(Files.readString(tmp.resolve("logs/bad.log")).contains("--steps"),
                Files.readString(tmp.resolve("logs/bad.log")));
        assertEquals(0, results.get(2).exitCode());
        assertEquals(3, heard.size(), "every end is reported once");
    }

    @Test
    void theChildRunsLanternOnThisClassPath() {
        List<String> cmd = ChildRuns.commandLine(List.of("envs"));
        int cp = cmd.indexOf("-cp");
        assertTrue(cp > 0, cmd.toString());
        assertEquals(System.getProperty("java.class.path"), cmd.get(cp + 1));
        assertEquals(List.of(ChildRuns.MAIN, "envs"), cmd.subList(cp + 2, cmd.size()));
    }

    @Test
    void parallelismBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChildRuns.runAll(List.of(), 0, r -> { }));
    }
}
