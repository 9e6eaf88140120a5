package dev.lantern.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Phase events from metric series, and when a concept counts as acquired. */
class PhaseChangesTest {

    @Test
    void aLongSeriesIsBinnedAndItsRiseDatedToTheStepItStarts() {
        int n = 3000;
        long[] steps = new long[n];
        double[] v = new double[n];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            steps[i] = 10L * i;
            v[i] = (i >= 1800 ? 0.8 : 0.1) + 0.3 * (r.nextDouble() - 0.5);
        }
        v[7] = Double.NaN;
        PhaseChanges.Series s = PhaseChanges.prepare(steps, v);
        assertEquals(PhaseChanges.BINS, s.values().length);
        List<PhaseChanges.Event> e = PhaseChanges.of("episode/return", steps, v);
        assertEquals(1, e.size(), e.toString());
        assertEquals("rise", e.get(0).direction());
        assertTrue(Math.abs(e.get(0).step() - 18_000) <= 300, e.toString());
        assertEquals(0.1, e.get(0).before(), 0.02);
        assertEquals(0.8, e.get(0).after(), 0.02);
    }

    @Test
    void aShortSeriesIsUsedAsItIsWithoutItsNonFiniteValues() {
        PhaseChanges.Series s = PhaseChanges.prepare(new long[] {1, 2, 3}, new double[] {1, Double.NaN, 3});
        assertArrayEquals(new long[] {1, 3}, s.steps());
        assertArrayEquals(new double[] {1, 3}, s.values());
    }

    @Test
    void aConceptIsAcquiredHalfWayFromItsUntrainedScoreToItsBest() {
        assertEquals(2, ConceptAcquisition.acquiredIndex(new double[] {0.5, 0.6, 0.8, 0.95, 0.9}, 0.5));
        assertEquals(-1, ConceptAcquisition.acquiredIndex(new double[] {0.9, 0.92, 0.95}, 0.5),
                "learnable at step 0 already: no acquisition");
        assertEquals(-1, ConceptAcquisition.acquiredIndex(new double[] {0.3, 0.6, 0.7}, 0.65),
                "no better than the shuffled control");
        assertEquals(-1, ConceptAcquisition.acquiredIndex(new double[] {Double.NaN, 0.6, 0.7}, 0.0));
        assertEquals(1, ConceptAcquisition.acquiredIndex(new double[] {0.2, 0.9, 0.5}, 0.1),
                "a concept later lost was still acquired");
    }
}
