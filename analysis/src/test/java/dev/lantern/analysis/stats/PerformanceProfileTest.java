package dev.lantern.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Score distributions and censoring against hand counts. */
class PerformanceProfileTest {

    @Test
    void higherIsBetterCountsScoresAboveTau() {
        double[][] s = AggregatesTest.column(0.1, 0.5, 0.5, 0.9);
        assertArrayEquals(new double[] {1, 0.25, 0},
                PerformanceProfile.distribution(s, new double[] {0, 0.5, 1}, Direction.HIGHER_IS_BETTER));
    }

    @Test
    void lowerIsBetterCountsRunsWithinTauAndNeverCountsCensoredOnes() {
        double[][] s = AggregatesTest.column(0.1, 0.5, 0.5, 0.9);
        assertArrayEquals(new double[] {0, 0.75, 1},
                PerformanceProfile.distribution(s, new double[] {0, 0.5, 1}, Direction.LOWER_IS_BETTER));
        double[][] steps = AggregatesTest.column(100, Double.POSITIVE_INFINITY);
        assertArrayEquals(new double[] {0, 0.5, 0.5},
                PerformanceProfile.distribution(steps, new double[] {50, 100, 1e12}, Direction.LOWER_IS_BETTER));
    }

    @Test
    void tasksAreAveraged() {
        // task 0: 1 of 2 runs above 0.5; task 1: 2 of 2
        double[][] s = {{0.2, 0.8}, {0.9, 0.7}};
        assertArrayEquals(new double[] {0.75},
                PerformanceProfile.distribution(s, new double[] {0.5}, Direction.HIGHER_IS_BETTER));
    }

    @Test
    void bandsHoldThePointAndNarrowToItWhereEveryRunAgrees() {
        ScoreMatrix m = ScoreMatrix.ofRuns(0.1, 0.4, 0.6, 0.9);
        PerformanceProfile p = PerformanceProfile.of(m, PerformanceProfile.grid(0, 1, 11),
                Direction.HIGHER_IS_BETTER, new StratifiedBootstrap(2_000, 0.95, 4));
        Interval[] f = p.fractions();
        assertEquals(new Interval(1, 1, 1), f[0]); // every run is above 0
        assertEquals(new Interval(0, 0, 0), f[10]); // none above 1
        for (Interval i : f) {
            assertTrue(i.contains(i.point()), i.toString());
        }
        assertEquals(0.5, f[5].point());
    }

    @Test
    void gridEndsAreExact() {
        double[] g = PerformanceProfile.grid(0, 0.3, 4);
        assertEquals(0.0, g[0]);
        assertEquals(0.3, g[3]);
        assertEquals(0.1, g[1], 1e-15);
    }

    @Test
    void censoredRunsCountAtTheirBudgetAndAreCounted() {
        CensoredSample c = CensoredSample.atBudget(new OptionalDouble[] {OptionalDouble.of(100), OptionalDouble.empty(),
            OptionalDouble.of(300), OptionalDouble.empty()}, new double[] {1000, 1000, 1000, 500});
        assertArrayEquals(new double[] {100, 1000, 300, 500}, c.values());
        assertEquals(2, c.censoredCount());
        assertArrayEquals(new double[] {100, Double.POSITIVE_INFINITY, 300, Double.POSITIVE_INFINITY},
                c.neverAsInfinity());
        // the mean counts censored runs at their budgets, not dropped: (100 + 1000 + 300 + 500) / 4
        assertEquals(475.0, Estimator.MEAN.apply(ScoreMatrix.ofRuns(c.values())));
    }
}
