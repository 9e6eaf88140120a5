package dev.lantern.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/** P(X > Y) = U / (n m) with ties 1/2, against hand counts and commons-math3's Mann-Whitney U. */
class ProbabilityOfImprovementTest {

    @Test
    void tiesCountHalf() {
        // x=1: 0.5 (ties the 1); x=2: 1 + 1 (ties both 2s, beats 1), twice; x=3: 3. U = 7.5 of 12 pairs
        double[] x = {1, 2, 2, 3};
        double[] y = {2, 2, 1};
        assertEquals(7.5, ProbabilityOfImprovement.u(x, y));
        assertEquals(4.5, ProbabilityOfImprovement.u(y, x));
        assertEquals(0.625, ProbabilityOfImprovement.of(ScoreMatrix.ofRuns(x), ScoreMatrix.ofRuns(y),
                Direction.HIGHER_IS_BETTER));
        // lower is better: P(X < Y) = U(Y, X) / 12
        assertEquals(0.375, ProbabilityOfImprovement.of(ScoreMatrix.ofRuns(x), ScoreMatrix.ofRuns(y),
                Direction.LOWER_IS_BETTER));
    }

    @Test
    void identicalSamplesGiveOneHalf() {
        ScoreMatrix a = ScoreMatrix.ofRuns(3, 1, 2);
        assertEquals(0.5, ProbabilityOfImprovement.of(a, a, Direction.HIGHER_IS_BETTER));
        assertEquals(0.5, ProbabilityOfImprovement.of(a, a, Direction.LOWER_IS_BETTER));
    }

    @Test
    void tasksAreAveraged() {
        // task 0: x beats y in every pair (1); task 1: x loses every pair (0); mean 0.5
        double[][] x = {{5, 0}, {6, 1}};
        double[][] y = {{1, 7}, {2, 8}, {3, 9}};
        assertEquals(0.5, ProbabilityOfImprovement.of(x, y));
        double[][] x2 = {{5, 8}, {6, 8}};
        // task 1: 8 vs 7 8 9 -> 1 + 0.5 + 0 per run = 1.5 of 3, twice -> 3 / 6 = 0.5; mean (1 + 0.5) / 2
        assertEquals(0.75, ProbabilityOfImprovement.of(x2, y));
    }

    @Test
    void agreesWithCommonsMathOnRandomTiedSamples() {
        SplittableRandom r = new SplittableRandom(5);
        MannWhitneyUTest test = new MannWhitneyUTest();
        for (int trial = 0; trial < 50; trial++) {
            double[] x = new double[1 + r.nextInt(12)];
            double[] y = new double[1 + r.nextInt(12)];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(5);
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextInt(5);
            }
            double u = ProbabilityOfImprovement.u(x, y);
            assertEquals(x.length * (double) y.length, u + ProbabilityOfImprovement.u(y, x));
            // commons-math3 returns max(U1, U2), from average ranks
            assertEquals(test.mannWhitneyU(x, y), Math.max(u, x.length * (double) y.length - u), 1e-9);
        }
    }

    @Test
    void aDominatingSampleHasADegenerateInterval() {
        ScoreMatrix x = ScoreMatrix.ofRuns(5, 6, 7);
        ScoreMatrix y = ScoreMatrix.ofRuns(1, 2);
        Interval i = ProbabilityOfImprovement.interval(x, y, Direction.HIGHER_IS_BETTER,
                new StratifiedBootstrap(2_000, 0.95, 1));
        assertEquals(new Interval(1, 1, 1), i);
        assertEquals(new Interval(0, 0, 0), ProbabilityOfImprovement.interval(x, y, Direction.LOWER_IS_BETTER,
                new StratifiedBootstrap(2_000, 0.95, 1)));
    }
}
