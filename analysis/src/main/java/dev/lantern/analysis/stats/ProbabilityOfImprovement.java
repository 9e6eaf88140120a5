package dev.lantern.analysis.stats;

import java.util.Arrays;

/**
 * rliable's probability of improvement {@code P(X > Y)}: for each task, the Mann-Whitney U statistic of X's runs
 * against Y's divided by {@code n m} (the fraction of run pairs in which X scores higher, ties counting 1/2), averaged
 * over tasks. When lower is better the roles swap: {@code P(X < Y)}, still ties 1/2.
 */
public final class ProbabilityOfImprovement {

    private ProbabilityOfImprovement() {
    }

    /**
     * The Mann-Whitney U of {@code x} against {@code y}: the number of pairs {@code (i, j)} with {@code x[i] > y[j]}
     * plus half the number with {@code x[i] == y[j]}. {@code u(x, y) + u(y, x) = n m}.
     */
    public static double u(double[] x, double[] y) {
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double u = 0;
        for (double v : x) {
            int below = count(sorted, v, false);
            int notAbove = count(sorted, v, true);
            u += below + 0.5 * (notAbove - below);
        }
        return u;
    }

    /** {@code P(X > Y)} of two score arrays {@code [runs][tasks]} with the same number of tasks. */
    public static double of(double[][] x, double[][] y) {
        int tasks = x[0].length;
        if (y[0].length != tasks) {
            throw new IllegalArgumentException("scores differ in tasks: " + tasks + " vs " + y[0].length);
        }
        double sum = 0;
        for (int t = 0; t < tasks; t++) {
            sum += u(column(x, t), column(y, t)) / ((double) x.length * y.length);
        }
        return sum / tasks;
    }

    /** The probability that X improves on Y in {@code direction}: {@code P(X > Y)}, or {@code P(X < Y)}. */
    public static double of(ScoreMatrix x, ScoreMatrix y, Direction direction) {
        return direction == Direction.HIGHER_IS_BETTER ? of(x.raw(), y.raw()) : of(y.raw(), x.raw());
    }

    /** The probability that X improves on Y with its stratified-bootstrap interval (X and Y resampled apart). */
    public static Interval interval(ScoreMatrix x, ScoreMatrix y, Direction direction, StratifiedBootstrap bootstrap) {
        boolean higher = direction == Direction.HIGHER_IS_BETTER;
        return bootstrap.intervals(x, y, (a, b) -> new double[] {higher ? of(a, b) : of(b, a)})[0];
    }

    private static double[] column(double[][] scores, int task) {
        double[] c = new double[scores.length];
        for (int r = 0; r < scores.length; r++) {
            c[r] = scores[r][task];
        }
        return c;
    }

    /** The number of values in {@code sorted} below {@code v}, or at most {@code v} when {@code inclusive}. */
    private static int count(double[] sorted, double v, boolean inclusive) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v || inclusive && sorted[mid] == v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
