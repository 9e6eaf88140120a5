package dev.lantern.agents.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.Backend;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The compute-path decision: its table, the request it reads, the guard of the host-buffer code, the manifest entry. */
class ComputePathTest {

    @Test
    void autoTakesTheFastPassOnlyOnACpuBackend() {
        assertEquals(ComputePath.HOST_BUFFERS, ComputePath.choose("auto", true));
        assertEquals(ComputePath.ND4J_OPS, ComputePath.choose("auto", false));
        assertEquals(ComputePath.ND4J_OPS, ComputePath.choose("nd4j", true));
        assertEquals(ComputePath.ND4J_OPS, ComputePath.choose("nd4j", false));
        assertEquals(ComputePath.HOST_BUFFERS, ComputePath.choose("host", true));
    }

    @Test
    void hostBuffersOnANonCpuBackendAndUnknownRequestsAreRefused() {
        IllegalArgumentException gpu = assertThrows(IllegalArgumentException.class,
                () -> ComputePath.choose("host", false));
        assertTrue(gpu.getMessage().contains("only correct on a CPU backend"), gpu.getMessage());
        IllegalArgumentException junk = assertThrows(IllegalArgumentException.class,
                () -> ComputePath.choose("gpu", true));
        assertTrue(junk.getMessage().contains("got 'gpu'"), junk.getMessage());
    }

    @Test
    void thisCpuBackendDefaultsToTheFastPassAndTheRequestOverridesIt() {
        Assumptions.assumeTrue(System.getenv(ComputePath.ENV) == null, ComputePath.ENV + " is set for this JVM");
        assertEquals(ComputePath.HOST_BUFFERS, ComputePath.current(), "nd4j-native, nothing asked for");
        try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.ND4J_OPS)) {
            assertEquals(ComputePath.ND4J_OPS, ComputePath.current());
            Map<String, Object> described = Backend.describe();
            assertEquals("ND4J_OPS", described.get("computePath"));
            assertEquals("asked for (lantern.computePath=nd4j) on a CPU backend", described.get("computePathReason"));
        }
        assertEquals(ComputePath.HOST_BUFFERS, ComputePath.current(), "restored");
        assertEquals("auto on a CPU backend", Backend.describe().get("computePathReason"));
        assertEquals(Boolean.TRUE, Backend.describe().get("cpu"));
    }

    @Test
    void theFastPassRefusesToRunOnTheNd4jOpPath() {
        ActorCriticNet net = ActorCriticNet.create(6, 3, new int[] {4, 4}, 1e-3, 0, 1, DataType.FLOAT);
        try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.ND4J_OPS)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.pass(2));
            assertTrue(e.getMessage().contains("compute path is ND4J_OPS"), e.getMessage());
        }
        assertEquals(2, net.pass(2).batchSize(), "the fast pass runs on the host path");
    }

    @Test
    void selectCountsEachDecision() {
        ComputePath.resetCounts();
        ComputePath.select();
        ComputePath.select();
        assertEquals(2, ComputePath.HOST_BUFFERS.taken());
        assertEquals(0, ComputePath.ND4J_OPS.taken());
        ComputePath.resetCounts();
        assertEquals(0, ComputePath.HOST_BUFFERS.taken());
    }
}
