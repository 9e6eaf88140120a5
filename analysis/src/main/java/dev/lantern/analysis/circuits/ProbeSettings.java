package dev.lantern.analysis.circuits;

import java.util.Arrays;

/**
 * How a {@link ConceptProbe} splits, cross-validates and penalises (issue 10, point 5).
 *
 * @param testFraction the fraction of a concept's probed states held out for the score, in (0, 1)
 * @param folds        the cross-validation folds the penalty is chosen by, on the training states only, {@code >= 2}
 *                     (fewer when there are fewer training states)
 * @param ridges       the penalties tried, relative to the training features' mean eigenvalue
 *                     ({@link RidgeRegression#meanEigenvalue()}), each {@code > 0}; ascending
 */
public record ProbeSettings(double testFraction, int folds, double[] ridges) {

    /** Default held-out fraction. */
    public static final double DEFAULT_TEST_FRACTION = 0.3;
    /** Default number of cross-validation folds. */
    public static final int DEFAULT_FOLDS = 5;

    public ProbeSettings {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2, got " + folds);
        }
        if (ridges.length == 0) {
            throw new IllegalArgumentException("ridges must hold at least one penalty");
        }
        ridges = ridges.clone();
        for (int i = 0; i < ridges.length; i++) {
            if (!(ridges[i] > 0) || Double.isInfinite(ridges[i]) || (i > 0 && !(ridges[i] > ridges[i - 1]))) {
                throw new IllegalArgumentException("ridges must be finite, > 0 and ascending, got "
                        + Arrays.toString(ridges));
            }
        }
    }

    /**
     * 30% held out, 5 folds, relative penalties {@code 1e-8, 1e-7, ..., 1e2} (a log grid: from an exact fit, R^2 = 1
     * within 1e-12 on an exactly linear concept, to a probe that predicts little more than the mean).
     */
    public static ProbeSettings defaults() {
        double[] grid = new double[11];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.pow(10, i - 8);
        }
        return new ProbeSettings(DEFAULT_TEST_FRACTION, DEFAULT_FOLDS, grid);
    }

    /** These settings with another held-out fraction. */
    public ProbeSettings withTestFraction(double fraction) {
        return new ProbeSettings(fraction, folds, ridges);
    }

    /** These settings with one fixed relative penalty (no cross-validation choice). */
    public ProbeSettings withRidge(double ridge) {
        return new ProbeSettings(testFraction, folds, new double[] {ridge});
    }

    /** The penalties tried (a copy). */
    @Override
    public double[] ridges() {
        return ridges.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProbeSettings s && testFraction == s.testFraction && folds == s.folds
                && Arrays.equals(ridges, s.ridges);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(testFraction) + folds) + Arrays.hashCode(ridges);
    }

    @Override
    public String toString() {
        return "ProbeSettings[testFraction=" + testFraction + ", folds=" + folds + ", ridges=" + Arrays.toString(ridges)
                + "]";
    }
}
