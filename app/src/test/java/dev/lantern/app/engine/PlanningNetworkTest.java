package dev.lantern.app.engine;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.cli.CliTest.Result;
import dev.lantern.app.cli.DynamicsCommandTest;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent.network}: an MCTS run planning with a tiny PPO run's network, and every way of naming a bad one. */
class PlanningNetworkTest {

    private static Result mcts(Path tmp, String name, String network) throws Exception {
        return mcts(tmp, name, network, "\"totalEnvSteps\": 30, \"checkpointEveryEnvSteps\": 30");
    }

    private static Result mcts(Path tmp, String name, String network, String training) throws Exception {
        Path config = experimentFile(tmp.resolve(name + ".json"), """
                {"name": "%s", "seed": 2, "env": {"id": "grid/four-rooms-v1", "maxEpisodeSteps": 30},
                 "agent": {"type": "mcts", "simulations": 8, "gamma": 0.99, "horizon": 30, "temperature": 1.0,
                           "network": "%s"},
                 "training": {"evalEpisodes": 1, %s},
                 "lca": {"enabled": false}}
                """.formatted(name, network, training));
        return lantern("run", "--config", config.toString(), "--out", tmp.resolve(name).toString());
    }

    @Test
    void aRunPlansWithTheNamedCheckpointAndItsManifestRecordsItResumeNeedsTheSameBytes(@TempDir Path tmp)
            throws Exception {
        Path net = DynamicsCommandTest.tinyRun(tmp, "ppo", "grid/four-rooms-v1", 1); // PPO, checkpoints at 128, 256
        Result r = mcts(tmp, "planned", net + "@128");
        assertEquals(0, r.code(), r.err());
        JsonObject manifest = JsonParser.parseString(Files.readString(tmp.resolve("planned/manifest.json")))
                .getAsJsonObject();
        JsonObject recorded = manifest.getAsJsonObject(PlanningNetwork.MANIFEST_KEY);
        assertEquals(128, recorded.get("step").getAsLong());
        assertEquals(net.toAbsolutePath().normalize().toString(), recorded.get("run").getAsString());
        assertEquals(64, recorded.get("sha256").getAsString().length());

        Experiment e = ExperimentLoader.load(tmp.resolve("planned/config.json"));
        TrainingEnvironment env = TrainingEnvironment.resolve(e.env());
        assertEquals(128, PlanningNetwork.forRun(e, env, manifest).step(), "the same checkpoint resumes");
        JsonObject changed = manifest.deepCopy();
        changed.getAsJsonObject(PlanningNetwork.MANIFEST_KEY).addProperty("sha256", "0".repeat(64));
        ConfigException ex = assertThrows(ConfigException.class, () -> PlanningNetwork.forRun(e, env, changed));
        assertTrue(ex.getMessage().contains("agent.network: the run started with"), ex.getMessage());
        assertTrue(ex.getMessage().contains("resume needs the same checkpoint"), ex.getMessage());
        assertEquals(256, PlanningNetwork.load(net.toString(), env.newWorld()).step(), "no step: the newest");
    }

    @Test
    void aForkOfAPlannedRunPlansWithTheSameNetworkAndVaryingNothingContinuesAsTheParent(@TempDir Path tmp)
            throws Exception {
        Path net = DynamicsCommandTest.tinyRun(tmp, "ppo", "grid/four-rooms-v1", 1);
        Result r = mcts(tmp, "parent", net + "@128",
                "\"totalEnvSteps\": 90, \"checkpointEveryEnvSteps\": 10, \"keepStates\": true");
        assertEquals(0, r.code(), r.err());
        Path parent = tmp.resolve("parent");
        String first; // an iteration is an episode: the first checkpoint is at the first episode's end
        try (java.util.stream.Stream<Path> c = Files.list(parent.resolve("checkpoints"))) {
            first = c.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("step-")).sorted().findFirst()
                    .orElseThrow();
        }
        long at = Long.parseLong(first.substring("step-".length()));
        assertTrue(at < 90, "a checkpoint before the end: " + first);
        Result f = lantern("fork", parent.toString(), "--at", String.valueOf(at), "--children", "1", "--vary", "none", "--out",
                tmp.resolve("forks").toString());
        assertEquals(0, f.code(), f.out() + f.err());
        Path child = tmp.resolve("forks/child-0");
        assertEquals(withoutTime(parent), withoutTime(child), "the child continues exactly as the parent did");
        JsonObject manifest = JsonParser.parseString(Files.readString(child.resolve("manifest.json")))
                .getAsJsonObject();
        assertEquals(128, manifest.getAsJsonObject(PlanningNetwork.MANIFEST_KEY).get("step").getAsLong(),
                "the child plans with the parent's network");
    }

    private static java.util.List<String> withoutTime(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .filter(l -> !l.contains("\"name\": \"time/"))
                .map(l -> l.replaceFirst("\"time\": [^,]+, ", "")).toList();
    }

    @Test
    void aMissingRunAMissingCheckpointAndAnotherMapAreRefusedNamingTheFieldWithNothingWritten(@TempDir Path tmp)
            throws Exception {
        Result missing = mcts(tmp, "missing", tmp.resolve("nope").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("agent.network: " + tmp.resolve("nope") + ": no such run directory"),
                missing.err());
        assertNoRun(tmp.resolve("missing"));

        Path small = DynamicsCommandTest.tinyRun(tmp, "small", "grid/empty-5x5-v1", 1);
        Result noStep = mcts(tmp, "nostep", small + "@999");
        assertEquals(2, noStep.code(), noStep.err());
        assertTrue(noStep.err().contains("agent.network: ") && noStep.err().contains("no such checkpoint"),
                noStep.err());
        Result other = mcts(tmp, "other", small.toString());
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("agent.network: ") && other.err().contains("grid/four-rooms-v1 shows"),
                other.err());
        assertNoRun(tmp.resolve("other"));
    }

    private static void assertNoRun(Path dir) throws Exception {
        assertFalse(Files.exists(dir.resolve("manifest.json")), "no manifest in " + dir);
        assertFalse(Files.exists(dir.resolve("config.json")), "no config in " + dir);
    }
}
