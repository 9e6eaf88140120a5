package dev.lantern.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stratified bootstrap percentile intervals: degenerate samples, hand quantiles, seeding, coverage. */
class StratifiedBootstrapTest {

    @Test
    void aDegenerateSampleGivesThePointForEveryEstimator() {
        ScoreMatrix same = ScoreMatrix.of(new double[][] {{0.7, 3}, {0.7, 3}, {0.7, 3}});
        StratifiedBootstrap b = new StratifiedBootstrap(5_000, 0.95, 42);
        for (Estimator e : Estimator.values()) {
            Interval i = b.interval(same, e::apply);
            assertEquals(new Interval(e.apply(same), e.apply(same), e.apply(same)), i, e.key());
        }
    }

    @Test
    void twoRunsGiveTheQuantilesOfTheirResampleMeans() {
        // resample means of {0, 1}: 0 (1/4), 0.5 (1/2), 1 (1/4); the 2.5% and 97.5% quantiles are 0 and 1
        Interval i = new StratifiedBootstrap(50_000, 0.95, 3).interval(ScoreMatrix.ofRuns(0, 1), Aggregates::mean);
        assertEquals(new Interval(0.5, 0, 1), i);
        // at 40% coverage the quantiles are 30% and 70%, both inside the half of the mass at 0.5
        assertEquals(new Interval(0.5, 0.5, 0.5),
                new StratifiedBootstrap(50_000, 0.4, 3).interval(ScoreMatrix.ofRuns(0, 1), Aggregates::mean));
    }

    @Test
    void runsAreResampledWithinEachTask() {
        // task 0 holds only 0s and task 1 only 10s: a resample never mixes them, so each task mean stays put
        ScoreMatrix m = ScoreMatrix.of(new double[][] {{0, 10}, {0, 10}, {0, 10}, {0, 10}});
        Interval[] i = new StratifiedBootstrap(1_000, 0.95, 9).intervals(m, s -> {
            double a = 0;
            double c = 0;
            for (double[] run : s) {
                a += run[0];
                c += run[1];
            }
            return new double[] {a / s.length, c / s.length};
        });
        assertEquals(new Interval(0, 0, 0), i[0]);
        assertEquals(new Interval(10, 10, 10), i[1]);
    }

    @Test
    void tasksAreResampledIndependentlyOfEachOther() {
        // rows (0, 0) and (1, 1): a resample that kept rows whole would always pair equal values; rliable resamples
        // each task on its own, so half of the drawn pairs differ
        ScoreMatrix m = ScoreMatrix.of(new double[][] {{0, 0}, {1, 1}});
        Interval i = new StratifiedBootstrap(2_000, 0.95, 5).interval(m, s -> {
            int same = 0;
            for (double[] run : s) {
                same += run[0] == run[1] ? 1 : 0;
            }
            return same / (double) s.length;
        });
        assertEquals(new Interval(1, 0, 1), i);
    }

    @Test
    void theSameSeedGivesTheSameBitsAndAnotherSeedOtherBits() {
        ScoreMatrix m = normal(new Random(1), 20);
        Interval a = new StratifiedBootstrap(10_000, 0.95, 7).interval(m, Aggregates::iqm);
        Interval b = new StratifiedBootstrap(10_000, 0.95, 7).interval(m, Aggregates::iqm);
        Interval c = new StratifiedBootstrap(10_000, 0.95, 8).interval(m, Aggregates::iqm);
        assertArrayEquals(new long[] {bits(a.lower()), bits(a.upper())}, new long[] {bits(b.lower()), bits(b.upper())});
        assertNotEquals(a, c);
        assertEquals(a.point(), c.point());
    }

    @Test
    void coverageOfTheMeanAndIqmIsRoughlyNinetyFivePercent() {
        // 300 samples of 30 runs from N(0.5, 1): the population mean and interquartile mean are both 0.5
        Random r = new Random(2021);
        int trials = 300;
        int meanHits = 0;
        int iqmHits = 0;
        for (int t = 0; t < trials; t++) {
            ScoreMatrix m = normal(r, 30);
            StratifiedBootstrap b = new StratifiedBootstrap(1_000, 0.95, t);
            Interval[] i = b.intervals(m, s -> new double[] {Aggregates.mean(s), Aggregates.iqm(s)});
            meanHits += i[0].contains(0.5) ? 1 : 0;
            iqmHits += i[1].contains(0.5) ? 1 : 0;
        }
        double meanCoverage = meanHits / (double) trials;
        double iqmCoverage = iqmHits / (double) trials;
        // percentile intervals run a little narrow at n = 30; the binomial sd at 300 trials is 1.3 points
        assertTrue(meanCoverage > 0.89 && meanCoverage < 0.99, "mean coverage " + meanCoverage);
        assertTrue(iqmCoverage > 0.88 && iqmCoverage < 0.99, "IQM coverage " + iqmCoverage);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StratifiedBootstrap(0, 0.95, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StratifiedBootstrap(10, 1.0, 1));
        assertEquals("confidence must be in (0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StratifiedBootstrap(10, 0.9, 1).intervals(
                ScoreMatrix.ofRuns(1, 2), ScoreMatrix.of(new double[][] {{1, 2}}), (a, b) -> new double[] {0}));
    }

    private static ScoreMatrix normal(Random r, int runs) {
        double[] v = new double[runs];
        for (int i = 0; i < runs; i++) {
            v[i] = 0.5 + r.nextGaussian();
        }
        return ScoreMatrix.ofRuns(v);
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }
}
