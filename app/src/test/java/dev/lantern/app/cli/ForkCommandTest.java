package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.cli.CliTest.Result;
import dev.lantern.app.engine.Fork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lantern fork} on tiny PPO runs (512 env steps, checkpoints at 128, 256, 384 and the final 512): the fork's
 * invariants (varying nothing continues exactly as the parent did; the same seed and streams give the same children;
 * different children differ; a fork of a fork; a child continued by {@code lantern resume}) and its bad input.
 */
class ForkCommandTest {

    /** A tiny PPO run on empty-8x8, LCA on, keeping resume states in every checkpoint when {@code keep}. */
    static Path tinyRun(Path tmp, String name, boolean keep) throws Exception {
        Path config = experimentFile(tmp.resolve(name + ".json"), """
                {"name": "%s", "seed": 3, "env": {"id": "grid/empty-8x8-v1"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": 512, "evalEpisodes": 2, "checkpointEveryEnvSteps": 128,
                              "keepStates": %s},
                 "lca": {"probeSize": 32}}
                """.formatted(name, keep));
        Path run = tmp.resolve(name);
        Result r = lantern("run", "--config", config.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        return run;
    }

    private static JsonObject fork(Path child) throws Exception {
        return JsonParser.parseString(Files.readString(child.resolve("manifest.json"))).getAsJsonObject()
                .getAsJsonObject("fork");
    }

    @Test
    void varyingNothingContinuesExactlyAsTheParentAndAForkOfAForkToo(@TempDir Path tmp) throws Exception {
        Path parent = tinyRun(tmp, "p", true);
        Path out = tmp.resolve("none");
        Result r = lantern("fork", parent.toString(), "--at", "256", "--children", "1", "--vary", "none",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Path child = out.resolve("child-0");
        SameRun.assertSameResult(parent, child);
        JsonObject f = fork(child);
        assertEquals(256, f.get("atStep").getAsLong());
        assertEquals("step-000000256", f.get("checkpoint").getAsString());
        assertEquals(parent.toAbsolutePath().normalize().toString(), f.get("parent").getAsString());
        assertEquals(0, f.getAsJsonArray("vary").size());
        assertEquals(0, f.getAsJsonArray("lineage").size());
        assertTrue(Files.isDirectory(child.resolve("checkpoints/step-000000384")), "the child checkpoints on");

        Path grand = tmp.resolve("grand");
        r = lantern("fork", child.toString(), "--at", "384", "--children", "1", "--vary", "none", "--out",
                grand.toString());
        assertEquals(0, r.code(), r.err());
        SameRun.assertSameResult(parent, grand.resolve("child-0"));
        JsonObject g = fork(grand.resolve("child-0"));
        assertEquals(384, g.get("atStep").getAsLong());
        assertEquals(1, g.getAsJsonArray("lineage").size());
        assertEquals(256, g.getAsJsonArray("lineage").get(0).getAsJsonObject().get("atStep").getAsLong());
    }

    @Test
    void theSameSeedAndStreamsGiveTheSameChildrenInProcessOrAsChildProcessesWhichDifferFromEachOther(@TempDir Path tmp) throws Exception {
        Path parent = tinyRun(tmp, "p", true);
        for (String out : List.of("a", "b")) {
            // "a" trains its children one after another in this process, "b" two at a time as child processes.
            Result r = lantern("fork", parent.toString(), "--at", "128", "--children", "2", "--seed", "5",
                    "--vary", "env,explore", "--parallel", out.equals("a") ? "1" : "2", "--out",
                    tmp.resolve(out).toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("varying env, explore"), r.out());
        }
        assertTrue(Files.isRegularFile(tmp.resolve("b/child-1.log")), "a child process's log");
        Path a0 = tmp.resolve("a/child-0");
        Path a1 = tmp.resolve("a/child-1");
        SameRun.assertSameResult(a0, tmp.resolve("b/child-0"));
        SameRun.assertSameResult(a1, tmp.resolve("b/child-1"));
        assertNotEquals(SameRun.metricsWithoutTime(a0), SameRun.metricsWithoutTime(a1), "children differ");
        assertNotEquals(SameRun.metricsWithoutTime(parent), SameRun.metricsWithoutTime(a0), "a child differs");
        long lines = SameRun.metricsLinesAt(parent, "step-000000128");
        assertTrue(lines > 0);
        assertEquals(Files.readAllLines(parent.resolve("metrics.jsonl")).subList(0, (int) lines),
                Files.readAllLines(a0.resolve("metrics.jsonl")).subList(0, (int) lines),
                "the curve up to the fork is the parent's, wall-clock times included");
        JsonObject f = fork(a1);
        assertEquals(1, f.get("child").getAsInt());
        assertEquals(5, f.get("seed").getAsLong());
        assertEquals(List.of("env", "explore"), f.getAsJsonArray("vary").asList().stream()
                .map(e -> e.getAsString()).toList());
        assertNotEquals(f.getAsJsonObject("seeds").get("env"), fork(a0).getAsJsonObject("seeds").get("env"));
    }

    @Test
    void aChildWrittenButNotTrainedIsContinuedByResumeWithItsStreamsReseeded(@TempDir Path tmp) throws Exception {
        Path parent = tinyRun(tmp, "p", true);
        Result r = lantern("fork", parent.toString(), "--at", "128", "--children", "1", "--seed", "9",
                "--vary", "all", "--out", tmp.resolve("trained").toString());
        assertEquals(0, r.code(), r.err());
        Fork f = Fork.prepare(new Fork.Plan(parent, 128, 1, 9, "all", tmp.resolve("written")));
        assertEquals(List.of("env", "explore", "shuffle", "probe", "eval"), f.varied());
        f.write();
        r = lantern("resume", tmp.resolve("written/child-0").toString());
        assertEquals(0, r.code(), r.err());
        SameRun.assertSameResult(tmp.resolve("trained/child-0"), tmp.resolve("written/child-0"));
    }

    @Test
    void checkpointsThatCannotBeForkedAndBadStreamsAreBadInputAndNothingIsWritten(@TempDir Path tmp)
            throws Exception {
        Path plain = tinyRun(tmp, "plain", false);
        Path kept = tinyRun(tmp, "kept", true);
        Path out = tmp.resolve("out");
        assertBad(List.of("fork", plain.toString(), "--at", "256", "--children", "2", "--out", out.toString()),
                "step-000000256 keeps no agent state", "training.keepStates", "forkable steps: none");
        assertBad(List.of("fork", kept.toString(), "--at", "512", "--children", "2", "--out", out.toString()),
                "final checkpoint of a completed run", "forkable steps: 128, 256, 384");
        assertBad(List.of("fork", kept.toString(), "--at", "100", "--children", "2", "--out", out.toString()),
                "no checkpoint at env step 100", "its checkpoints: 128, 256, 384, 512", "forkable steps: 128, 256, 384");
        assertBad(List.of("fork", kept.toString(), "--at", "128", "--children", "2", "--vary", "init,bogus,replay",
                "--out", out.toString()), "init cannot vary after step 0", "unknown stream 'bogus'",
                "ppo has no 'replay' stream to vary (its streams: env, explore, shuffle, probe, eval)");
        assertBad(List.of("fork", kept.toString(), "--at", "128", "--children", "0", "--out", out.toString()),
                "--children: must be in [1, 1000], got 0");
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(Files.exists(kept.resolve("forks")), "nothing written");
    }

    private static void assertBad(List<String> args, String... expected) {
        Result r = lantern(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.out() + r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "expected '" + e + "' in: " + r.err());
        }
    }
}
