package dev.lantern.app.cli;

import static dev.lantern.app.cli.CliTest.experimentFile;
import static dev.lantern.app.cli.CliTest.lantern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.ForcedComputePath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compute path a run took is in its manifest and in {@code lantern doctor}; a run on the ND4J op path (what a CUDA
 * backend takes, forced here on the CPU) trains through it from the command line without reaching host-buffer code
 * (LCA on that path: {@code LcaComputePathTest}).
 */
class ComputePathManifestTest {

    @Test
    void aRunOnTheNd4jOpPathRecordsItInItsManifest(@TempDir Path tmp) throws Exception {
        Path config = experimentFile(tmp.resolve("tiny.json"), """
                {"name": "tiny", "env": {"id": "grid/empty-8x8-v1"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [16, 16]},
                 "training": {"totalEnvSteps": 128, "evalEpisodes": 1}}
                """);
        Path run = tmp.resolve("run");
        try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.ND4J_OPS)) {
            CliTest.Result doctor = lantern("doctor");
            assertTrue(doctor.out().contains("compute    ND4J_OPS (asked for (lantern.computePath=nd4j) on a CPU"
                    + " backend)"), doctor.out());
            CliTest.Result r = lantern("run", "--config", config.toString(), "--out", run.toString(), "--no-lca");
            assertEquals(0, r.code(), r.err());
            assertEquals(0, ComputePath.HOST_BUFFERS.taken(), "no host-buffer decision in the run");
        }
        JsonObject nd4j = JsonParser.parseString(Files.readString(run.resolve("manifest.json"))).getAsJsonObject()
                .getAsJsonObject("nd4j");
        assertEquals("ND4J_OPS", nd4j.get("computePath").getAsString());
        assertTrue(nd4j.get("cpu").getAsBoolean());
        assertEquals("asked for (lantern.computePath=nd4j) on a CPU backend", nd4j.get("computePathReason").getAsString());
        assertTrue(lantern("doctor").out().contains("compute    HOST_BUFFERS (auto on a CPU backend)"));
    }

    @Test
    void anUnknownComputePathIsBadInput() {
        System.setProperty(ComputePath.PROPERTY, "gpu");
        try {
            CliTest.Result r = lantern("envs");
            assertEquals(2, r.code(), r.out());
            assertEquals("lantern.computePath=gpu: the compute path must be auto, host or nd4j", r.err().strip());
        } finally {
            System.clearProperty(ComputePath.PROPERTY);
        }
    }
}
