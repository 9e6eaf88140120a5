package dev.lantern.analysis.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DivergenceTest {

    @Test
    void klOfADistributionWithItselfIsZero() {
        double[] p = {0.1, 0.0, 0.6, 0.3};
        assertEquals(0.0, Divergence.kl(p, p));
    }

    @Test
    void klMatchesAHandComputedValue() {
        // 0.5 ln(0.5 / 0.25) + 0.5 ln(0.5 / 0.75) = 0.5 ln(4 / 3)
        assertEquals(0.5 * Math.log(4.0 / 3.0), Divergence.kl(new double[] {0.5, 0.5}, new double[] {0.25, 0.75}),
                1e-15);
        // zero-probability outcomes of p add nothing; of q where p > 0 make it infinite
        assertEquals(Math.log(2), Divergence.kl(new double[] {1, 0}, new double[] {0.5, 0.5}), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, Divergence.kl(new double[] {0.5, 0.5}, new double[] {1, 0}));
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Divergence.kl(new double[2], new double[3]));
    }
}
