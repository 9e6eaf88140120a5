package dev.lantern.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** CKA over the sites of recorded networks: which sites, checkpoint and run matrices, their labels. */
class SiteSimilarityTest {

    private static final StateBatch STATES = StateBatch.of(EnvRegistry.make("grid/empty-8x8-v1"));

    private static ActivationAtlas atlas(long seed) {
        return ActivationAtlas.record(ActorCriticNet.create(STATES.observationSize(), 4, new int[] {16, 8}, 1e-3, 0,
                seed, DataType.DOUBLE).inspect(), STATES);
    }

    @Test
    void checkpointsAndRunsOverEverySiteButTheInput() {
        ActivationAtlas a = atlas(1);
        ActivationAtlas b = atlas(2);
        List<String> sites = SiteSimilarity.sites(a);
        assertEquals(List.of("torso.dense0.pre", "torso.dense0", "torso.dense1.pre", "torso.dense1", "policy.logits",
                "value.out"), sites);
        CkaMatrix moves = SiteSimilarity.acrossCheckpoints("torso.dense1", List.of(100L, 200L, 300L),
                List.of(a, b, a));
        assertEquals(List.of("torso.dense1@100", "torso.dense1@200", "torso.dense1@300"), moves.rows());
        assertTrue(moves.selfCheckError() < 1e-12);
        assertEquals(1, moves.linear(0, 2).value(), 1e-12, "the same network at two checkpoints");
        assertTrue(moves.linear(0, 1).value() < 0.99, "two different initialisations");
        CkaMatrix same = SiteSimilarity.acrossRuns("a", a, "a2", a);
        CkaMatrix seeds = SiteSimilarity.acrossRuns("a", a, "b", b);
        assertEquals("a:torso.dense0.pre", seeds.rows().get(0));
        assertEquals("b:value.out", seeds.cols().get(5));
        for (int i = 0; i < sites.size(); i++) {
            assertEquals(1, same.linear(i, i).value(), 1e-12);
            assertEquals(1, same.debiased(i, i).value(), 1e-12);
        }
        // a pre-activation and its tanh are close on small inputs; two seeds' first layers are not the same features
        assertTrue(same.linear(0, 1).value() > seeds.linear(0, 0).value(), same.linear(0, 1) + " vs "
                + seeds.linear(0, 0));
    }
}
