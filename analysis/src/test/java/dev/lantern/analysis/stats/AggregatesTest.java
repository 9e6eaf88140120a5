package dev.lantern.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** rliable's estimators against values computed by hand. */
class AggregatesTest {

    private static final double EPS = 1e-12;

    @Test
    void iqmOfAKnownListAveragesTheMiddleHalf() {
        // sorted 1 2 3 4 5 7 10 100: cut 2 each side, mean of 3 4 5 7 = 19 / 4
        assertEquals(4.75, Aggregates.iqm(column(10, 1, 7, 3, 100, 2, 5, 4)), EPS);
    }

    @Test
    void trimFollowsScipyWhenTheCountIsNotAMultipleOfFour() {
        // n = 10: int(2.5) = 2 cut each side, the middle 6 averaged: 2+3+4+5+6+7 = 27
        assertEquals(4.5, Aggregates.trimMean(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 1000}, 0.25), EPS);
        // n = 7: int(1.75) = 1 cut each side: 2+3+4+5+6 = 20 over 5
        assertEquals(4.0, Aggregates.trimMean(new double[] {70, 1, 2, 3, 4, 5, 6}, 0.25), EPS);
        // n = 5: 1 cut each side: 2 3 4
        assertEquals(3.0, Aggregates.trimMean(new double[] {5, 1, 4, 2, 3}, 0.25), EPS);
        // n = 3: int(0.75) = 0: nothing cut, the plain mean
        assertEquals(34.0, Aggregates.trimMean(new double[] {1, 1, 100}, 0.25), EPS);
        assertEquals(7.0, Aggregates.trimMean(new double[] {7}, 0.25), EPS);
    }

    @Test
    void iqmPoolsEveryTask() {
        // pooled sorted 1 2 3 4 10 20 30 40: middle 3 4 10 20
        double[][] m = {{1, 10}, {2, 20}, {3, 30}, {4, 40}};
        assertEquals(37.0 / 4, Aggregates.iqm(m), EPS);
    }

    @Test
    void medianAndMeanAreOverPerTaskMeans() {
        // task means 2, 15, 0.5
        double[][] m = {{1, 10, 0}, {3, 20, 1}};
        assertEquals(2.0, Aggregates.median(m), EPS);
        assertEquals(17.5 / 3, Aggregates.mean(m), EPS);
        // two tasks: the median averages the two task means 2.5 and 25
        assertEquals(13.75, Aggregates.median(new double[][] {{1, 20}, {4, 30}}), EPS);
        // one task: rliable's median is the mean of the runs (the median of one task mean)
        assertEquals(35.0, Aggregates.median(column(1, 2, 102)), EPS);
    }

    @Test
    void optimalityGapIsTheMeanShortfallBelowGamma() {
        // shortfalls 0.5 0 0.2 0: 0.7 / 4
        assertEquals(0.175, Aggregates.optimalityGap(column(0.5, 1.2, 0.8, 1.0), 1.0), EPS);
        assertEquals(0.175, Estimator.OPTIMALITY_GAP.apply(ScoreMatrix.ofRuns(0.5, 1.2, 0.8, 1.0)), EPS);
        assertEquals(0.0, Aggregates.optimalityGap(column(1, 3), 1.0), EPS);
    }

    @Test
    void estimatorsDispatchToTheirAggregates() {
        ScoreMatrix s = ScoreMatrix.ofRuns(10, 1, 7, 3, 100, 2, 5, 4);
        assertEquals(4.75, Estimator.IQM.apply(s), EPS);
        assertEquals(132.0 / 8, Estimator.MEAN.apply(s), EPS);
        assertEquals(132.0 / 8, Estimator.MEDIAN.apply(s), EPS);
    }

    @Test
    void badInputIsRefusedWithItsValues() {
        assertThrows(IllegalArgumentException.class, () -> Aggregates.trimMean(new double[0], 0.25));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Aggregates.trimMean(new double[] {1}, 0.5));
        assertEquals("proportion to cut must be in [0, 0.5), got 0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScoreMatrix.of(new double[][] {{1, 2}, {3}}));
        assertEquals("run 1 has 1 tasks, run 0 has 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScoreMatrix.ofRuns(1, Double.NaN));
    }

    static double[][] column(double... v) {
        return ScoreMatrix.ofRuns(v).toArray();
    }
}
