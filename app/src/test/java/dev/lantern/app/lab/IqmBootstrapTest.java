package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The compare chart's IQM and bootstrap band against values worked out by hand. */
class IqmBootstrapTest {

    @Test
    void iqmTrimsAQuarterAtEachEndAsScipyTrimMeanDoes() {
        assertEquals(2.0, IqmBootstrap.iqm(new double[] {3, 1, 2}), 1e-15, "n = 3: nothing trimmed");
        assertEquals(2.5, IqmBootstrap.iqm(new double[] {4, 1, 3, 2}), 1e-15, "n = 4: (2 + 3) / 2");
        assertEquals(3.0, IqmBootstrap.iqm(new double[] {5, 100, 1, 3, 2, 4, -50, 3}), 1e-15,
                "n = 8: the middle four of -50 1 2 3 3 4 5 100");
        assertEquals(7.0, IqmBootstrap.iqm(new double[] {7}), 0);
        assertThrows(IllegalArgumentException.class, () -> IqmBootstrap.iqm(new double[0]));
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] v = {0, 10, 20, 30};
        assertEquals(7.5, IqmBootstrap.quantile(v, 0.25), 1e-12, "position 0.75 between 0 and 10");
        assertEquals(30, IqmBootstrap.quantile(v, 1), 0);
        assertEquals(0, IqmBootstrap.quantile(v, 0), 0);
    }

    @Test
    void theBandOfTwoRunsSpansTheirValuesAndOneRunOrEqualRunsGiveAPoint() {
        // Two runs {0, 1}: a resample's IQM (= its mean, n = 2) is 0, 0.5 or 1 with chances 1/4, 1/2, 1/4, so with
        // 2,000 resamples the 2.5% and 97.5% quantiles are 0 and 1.
        assertArrayEquals(new double[] {0, 1}, IqmBootstrap.interval(new double[] {0, 1}, 2000, 0.95, 0), 0);
        assertArrayEquals(new double[] {0.4, 0.4}, IqmBootstrap.interval(new double[] {0.4}, 50, 0.95, 3), 0);
        assertArrayEquals(new double[] {2, 2}, IqmBootstrap.interval(new double[] {2, 2, 2}, 50, 0.95, 3), 0);
        // a 10% band of {0, 1}: the 45% and 55% quantiles both fall among the many 0.5s
        assertArrayEquals(new double[] {0.5, 0.5}, IqmBootstrap.interval(new double[] {0, 1}, 2000, 0.1, 0), 0);
        assertArrayEquals(IqmBootstrap.interval(new double[] {1, 5, 2, 8}, 500, 0.9, 7),
                IqmBootstrap.interval(new double[] {1, 5, 2, 8}, 500, 0.9, 7), "seeded: the same band again");
        assertThrows(IllegalArgumentException.class, () -> IqmBootstrap.interval(new double[] {1}, 10, 1.0, 0));
    }
}
