package dev.lantern.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Barriers, the percentile bootstrap and the instability rows against values computed by hand. */
class StatisticsTest {

    @Test
    void theBarrierIsTheSupMinusTheMeanOfTheEnds() {
        assertEquals(0.3 - 0.05, InterpolationCurve.barrier(new double[] {0, 0.3, 0.1}), 1e-15);
        assertEquals(0.4 - 0.3, InterpolationCurve.barrier(new double[] {0.2, 0.1, 0.4}), 1e-15);
        assertEquals(0.0, InterpolationCurve.barrier(new double[] {0.2, 0.1, 0.2}));
        assertTrue(Double.isNaN(InterpolationCurve.barrier(new double[] {0, Double.NaN, 0})));
    }

    @Test
    void theBootstrapOfTwoValuesHasTheHandComputedPercentiles() {
        // resample means of {0, 1}: 0 (1/4), 0.5 (1/2), 1 (1/4)
        PercentileBootstrap wide = PercentileBootstrap.ofMean(new double[] {0, 1}, 0.95, 3);
        assertEquals(0.0, wide.low());
        assertEquals(1.0, wide.high());
        // the 30% and 70% quantiles both fall in the middle half
        PercentileBootstrap narrow = PercentileBootstrap.ofMean(new double[] {0, 1}, 0.4, 3);
        assertEquals(0.5, narrow.low());
        assertEquals(0.5, narrow.high());
        assertEquals(new PercentileBootstrap(0.3, 0.3), PercentileBootstrap.ofMean(new double[] {0.3, 0.3, 0.3}, 0.95, 9));
        assertEquals(PercentileBootstrap.ofMean(new double[] {0.1, 0.5, 0.2}, 0.95, 11),
                PercentileBootstrap.ofMean(new double[] {0.1, 0.5, 0.2}, 0.95, 11), "seeded");
        assertThrows(IllegalArgumentException.class, () -> PercentileBootstrap.ofMean(new double[0], 0.95, 1));
    }

    /** A three-point curve whose return-error barrier is {@code b} (and every other metric's 0). */
    private static InterpolationCurve curve(double b) {
        Map<ConnectivityMetric, double[]> m = new EnumMap<>(ConnectivityMetric.class);
        for (ConnectivityMetric k : ConnectivityMetric.values()) {
            m.put(k, new double[3]);
        }
        m.put(ConnectivityMetric.RETURN_ERROR, new double[] {0, b, 0});
        return new InterpolationCurve(new double[] {0, 0.5, 1}, m, new double[3], new double[3], 0, 0, false);
    }

    @Test
    void rowsAverageThePairsAndTheFirstStableStepIsTheEarliestBelowTwoPercent() {
        assertEquals(6, InstabilityAnalysis.pairs(4).size());
        assertArrayEquals(new int[] {0, 1}, InstabilityAnalysis.pairs(4).get(0));
        assertArrayEquals(new int[] {2, 3}, InstabilityAnalysis.pairs(4).get(5));
        InstabilityRow early = InstabilityAnalysis.row(100, 3, List.of(curve(0.5), curve(0.3), curve(0.1)), 0);
        assertEquals(0.3, early.mean(), 1e-15);
        assertEquals(3, early.pairs());
        assertFalse(early.stable());
        assertTrue(early.interval().low() >= 0.1 && early.interval().high() <= 0.5, early.interval().toString());
        InstabilityRow mid = InstabilityAnalysis.row(200, 3, List.of(curve(0.01), curve(0.02), curve(0.0)), 0);
        assertEquals(0.01, mid.mean(), 1e-15);
        assertTrue(mid.stable());
        InstabilityRow late = InstabilityAnalysis.row(300, 3, List.of(curve(0.03), curve(0.03), curve(0.03)), 0);
        assertFalse(late.stable(), "exactly 0.03 >= 0.02");
        assertEquals(new PercentileBootstrap(0.03, 0.03), late.interval());
        InstabilityRow lateStable = InstabilityAnalysis.row(300, 3, List.of(curve(0.0), curve(0.01), curve(0.0)), 0);
        assertEquals(200, InstabilityAnalysis.firstStable(List.of(lateStable, mid, early)).getAsLong());
        assertTrue(InstabilityAnalysis.firstStable(List.of(late, mid, early)).isEmpty(),
                "stable at 200 but not at 300: not stable from any step on");
        InstabilityRow earliest = InstabilityAnalysis.row(50, 3, List.of(curve(0.0), curve(0.0), curve(0.0)), 0);
        assertEquals(200, InstabilityAnalysis.firstStable(List.of(earliest, early, mid, lateStable)).getAsLong(),
                "a stable early step followed by an unstable one does not count");
        assertTrue(InstabilityAnalysis.firstStable(List.of(early, late)).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> InstabilityAnalysis.row(1, 1, List.of(), 0));
    }
}
