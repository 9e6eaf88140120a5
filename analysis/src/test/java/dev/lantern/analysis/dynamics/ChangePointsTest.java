package dev.lantern.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Change points in the mean: found where put, and not found in noise. */
class ChangePointsTest {

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static double[] noise(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = gaussian(r);
        }
        return x;
    }

    @Test
    void pureNoiseHasNoChangeInNearlyEverySeries() {
        int withChange = 0;
        int series = 0;
        for (int n : new int[] {50, 100, 300, 1000}) {
            for (long seed = 0; seed < 50; seed++) {
                series++;
                if (!ChangePoints.detect(noise(n, seed * 31 + n)).isEmpty()) {
                    withChange++;
                }
            }
        }
        assertTrue(withChange <= series / 20, withChange + " of " + series + " noise series had a change point");
    }

    @Test
    void aShiftOfOneNoiseUnitIsFoundWhereItIs() {
        double[] x = noise(200, 7);
        for (int i = 120; i < x.length; i++) {
            x[i] += 1.0;
        }
        List<ChangePoints.Change> c = ChangePoints.detect(x);
        assertEquals(1, c.size(), c.toString());
        assertTrue(Math.abs(c.get(0).index() - 120) <= 5, c.toString());
        assertTrue(c.get(0).after() - c.get(0).before() > 0.6, c.toString());
        assertTrue(c.get(0).effect() > 0.6 && c.get(0).effect() < 1.5, "effect in noise units: " + c);
    }

    @Test
    void twoStepsGiveTwoChangesInOrder() {
        double[] x = noise(300, 11);
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.2 * x[i] + (i >= 100 ? 1 : 0) - (i >= 220 ? 3 : 0);
        }
        List<ChangePoints.Change> c = ChangePoints.detect(x);
        assertEquals(2, c.size(), c.toString());
        assertTrue(Math.abs(c.get(0).index() - 100) <= 2 && Math.abs(c.get(1).index() - 220) <= 2, c.toString());
        assertTrue(c.get(0).effect() > 0 && c.get(1).effect() < 0, c.toString());
    }

    @Test
    void aNoiseFreeStepIsExactAndAConstantHasNone() {
        double[] step = new double[40];
        for (int i = 25; i < step.length; i++) {
            step[i] = 0.5;
        }
        List<ChangePoints.Change> c = ChangePoints.detect(step);
        assertEquals(1, c.size(), c.toString());
        assertEquals(25, c.get(0).index());
        assertEquals(0.0, c.get(0).before());
        assertEquals(0.5, c.get(0).after());
        assertTrue(ChangePoints.detect(new double[40]).isEmpty());
        double[] flat = new double[40];
        java.util.Arrays.fill(flat, 0.1);
        assertTrue(ChangePoints.detect(flat).isEmpty(), "rounding in a constant is not a change");
    }

    @Test
    void theNoiseEstimateIgnoresTheShiftItself() {
        double[] x = noise(400, 3);
        double before = ChangePoints.noise(x);
        for (int i = 200; i < x.length; i++) {
            x[i] += 10;
        }
        assertEquals(before, ChangePoints.noise(x), 0.05, "one jump moves one difference, not the median");
        assertTrue(Math.abs(before - 1) < 0.15, "unit noise estimated as " + before);
    }

    @Test
    void nonFiniteValuesAndBadSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.detect(new double[] {1, Double.NaN, 2}));
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.detect(new double[10], 0, 2));
        assertThrows(IllegalArgumentException.class, () -> ChangePoints.detect(new double[10], 1, 0));
    }
}
