package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The pooled restored fraction of {@link RestoredFractions} (what {@link PatchEffect#pooledRestored()} and
 * {@link PatchSweepRow#pooledRestored()} hold) against hand-computed values; the whole-layer (exactly 1) and unread
 * neuron (exactly 0) cases on real passes are in {@code ActivationPatchingTest} and {@code PatchSweepTest}.
 */
class PatchPooledFractionTest {

    private static final double EPS = ActivationPatching.EPSILON;

    @Test
    void pooledWeighsEachPairByItsGap() {
        // gaps 1, 0.1 and -2; moved 0.5, 0.3 and -1: ratios 0.5, 3 and 0.5 (mean 4/3);
        // pooled (0.5 + 0.3 + 1) / (1 + 0.1 + 2) = 1.8 / 3.1
        double[] clean = {1, 0.1, -2};
        double[] corrupted = {0, 0, 0};
        double[] patched = {0.5, 0.3, -1};
        RestoredFractions f = RestoredFractions.of(clean, corrupted, patched, EPS);
        assertArrayEquals(new double[] {0.5, 3.0, 0.5}, f.restored(), 1e-15);
        assertEquals(4.0 / 3.0, f.mean(), 1e-15);
        assertEquals(1.8 / 3.1, f.pooled(), 1e-15);
        assertEquals(3, f.defined());
    }

    @Test
    void aPairBelowEpsilonCountsInNeitherSum() {
        double[] clean = {1, 0.1, -2, 1e-8};
        double[] corrupted = {0, 0, 0, 0};
        double[] patched = {0.5, 0.3, -1, 5};
        RestoredFractions f = RestoredFractions.of(clean, corrupted, patched, EPS);
        assertTrue(Double.isNaN(f.restored()[3]));
        assertEquals(1.8 / 3.1, f.pooled(), 1e-15);
        assertEquals(3, f.defined());
    }

    @Test
    void pooledEqualsTheMeanWhenEveryGapIsTheSame() {
        double[] corrupted = {0.3, -1.2, 4.0, 0.0, 2.5};
        double[] clean = new double[corrupted.length];
        double[] patched = {0.5, -1.1, 4.5, 0.7, 2.5};
        for (double gap : new double[] {0.25, -0.75}) {
            for (int i = 0; i < clean.length; i++) {
                clean[i] = corrupted[i] + gap;
            }
            RestoredFractions f = RestoredFractions.of(clean, corrupted, patched, EPS);
            assertEquals(f.mean(), f.pooled(), 1e-12, "gap " + gap);
            assertTrue(Math.abs(f.mean()) > 0.1, "a fraction that tells something: " + f.mean());
        }
    }

    @Test
    void patchedAtCleanIsOneAndUnmovedIsZeroExactly() {
        double[] clean = {0.7, -3.1, 1e-3, 12.0};
        double[] corrupted = {0.1, 2.2, -4e-3, 11.9};
        assertEquals(1.0, RestoredFractions.of(clean, corrupted, clean, EPS).pooled());
        assertEquals(0.0, RestoredFractions.of(clean, corrupted, corrupted, EPS).pooled());
        assertTrue(Double.isNaN(RestoredFractions.of(clean, clean, corrupted, EPS).pooled()), "no pair defined");
    }
}
