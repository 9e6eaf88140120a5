package dev.lantern.analysis.lca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.ForcedComputePath;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.Trainer;
import dev.lantern.agents.train.TrainerSettings;
import dev.lantern.environments.registry.EnvRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Loss change allocation on the ND4J op path (what a CUDA backend takes; forced here on the CPU): the probe loss and
 * its gradients by DL4J's graph calls, the oracle's parameter vector written and read by ND4J ops, no host-buffer code
 * reached (nor the probe's evaluation on its support, {@link dev.lantern.agents.api.SupportLoss}, which the host path
 * takes). The allocation still sums to the real change of the probe loss at every step, and gives what the host path
 * gives on the same run.
 */
class LcaComputePathTest {

    private record Lca(double[] allocated, double[] actual, double relativeError) {
    }

    @Test
    void allocationSumsToTheRealLossChangeOnTheNd4jOpPath(@TempDir Path tmp) throws Exception {
        Backend.configure();
        Lca host;
        try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.HOST_BUFFERS)) {
            host = run(tmp.resolve("host"));
        }
        Lca nd4j;
        try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.ND4J_OPS)) {
            nd4j = run(tmp.resolve("nd4j"));
            assertEquals(0, ComputePath.HOST_BUFFERS.taken(), "no host-buffer decision on the forced path");
            assertTrue(ComputePath.ND4J_OPS.taken() > 0, "the forced path decided");
        }
        double scale = 0;
        for (double v : nd4j.actual()) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 1e-3, "the probe loss must move, max |cumulative change| = " + scale);
        assertEquals(host.allocated().length, nd4j.allocated().length);
        double maxGap = 0;
        for (int t = 0; t < nd4j.actual().length; t++) {
            assertTrue(Math.abs(nd4j.allocated()[t] - nd4j.actual()[t]) <= 0.01 * scale,
                    "step " + t + ": allocated " + nd4j.allocated()[t] + " vs actual " + nd4j.actual()[t]);
            maxGap = Math.max(maxGap, Math.abs(nd4j.allocated()[t] - host.allocated()[t]));
        }
        System.out.printf("LCA, ND4J op path: relative error %.3g (host path %.3g), max |cumulative allocation"
                + " nd4j - host| %.3g of a loss change of %.3g%n", nd4j.relativeError(), host.relativeError(), maxGap,
                scale);
        assertTrue(nd4j.relativeError() < 0.01, "relative error " + nd4j.relativeError());
        assertTrue(maxGap <= 1e-3 * scale, "cumulative allocation differs between the paths by " + maxGap);
    }

    private static Lca run(Path dir) throws Exception {
        PpoConfig config = new PpoConfig(4, 32, 2, 32, 1e-3, 0.99, 0.95, 0.2, 0.5, 0.01, 0.5, List.of(16, 16), true,
                true);
        long steps = 4L * config.rolloutSize();
        PpoAgent agent = PpoAgent.create(config, () -> EnvRegistry.make("grid/empty-8x8-v1"), 3, steps, 64,
                DataType.FLOAT);
        LcaRecorder lca = new LcaRecorder(new LcaSettings(true, 64, 1e-3, 32, true));
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(steps, 0, 0))
                .runDirectory(RunDirectory.create(dir)).recorder(lca).build().run();
        assertEquals("completed", outcome.status(), String.valueOf(outcome.failure()));
        return new Lca(lca.allocatedCurve(), lca.actualCurve(), lca.relativeError());
    }
}
