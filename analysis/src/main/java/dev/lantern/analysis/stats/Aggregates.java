package dev.lantern.analysis.stats;

import java.util.Arrays;
import java.util.List;

/**
 * rliable's aggregate estimators over a score array {@code [runs][tasks]} ({@code rliable.metrics}): the mean and the
 * median of the per-task mean scores, the interquartile mean of all scores pooled, and the optimality gap. Each sums
 * in a fixed order, so equal inputs give equal bits.
 */
public final class Aggregates {

    /** The proportion rliable's IQM cuts from each end: 25%. */
    public static final double IQM_CUT = 0.25;

    private Aggregates() {
    }

    /** The mean over tasks of each task's mean over runs ({@code aggregate_mean}). */
    public static double mean(double[][] scores) {
        return meanOf(taskMeans(scores));
    }

    /**
     * The median over tasks of each task's mean over runs ({@code aggregate_median}; the average of the two middle
     * task means when the number of tasks is even). With one task this is the mean of the runs, as in rliable.
     */
    public static double median(double[][] scores) {
        return medianOf(taskMeans(scores));
    }

    /** The interquartile mean of every score pooled ({@code aggregate_iqm}): {@link #trimMean} with 25% cut. */
    public static double iqm(double[][] scores) {
        int tasks = scores[0].length;
        double[] pooled = new double[scores.length * tasks];
        int i = 0;
        for (double[] run : scores) {
            for (double v : run) {
                pooled[i++] = v;
            }
        }
        return trimmedSorted(pooled, IQM_CUT);
    }

    /**
     * The optimality gap {@code gamma - mean(min(x, gamma))} over every score ({@code aggregate_optimality_gap}), that
     * is the mean of {@code max(gamma - x, 0)}: how far below {@code gamma} the runs fall on average, scores above it
     * counting as {@code gamma}.
     */
    public static double optimalityGap(double[][] scores, double gamma) {
        double sum = 0;
        int n = 0;
        for (double[] run : scores) {
            for (double v : run) {
                sum += Math.min(v, gamma);
                n++;
            }
        }
        return gamma - sum / n;
    }

    /**
     * The trimmed mean with scipy's {@code trim_mean(a, proportiontocut)} semantics: sort, cut
     * {@code floor(proportion * n)} values from each end, and average the rest (no fractional weights: for n = 10
     * and 25%, 2 are cut each side and 6 averaged).
     *
     * @throws IllegalArgumentException when {@code values} is empty, the proportion is not in [0, 0.5), or the cut
     *                                  would leave nothing
     */
    public static double trimMean(double[] values, double proportion) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a trimmed mean needs at least one value, got 0");
        }
        if (!(proportion >= 0 && proportion < 0.5)) {
            throw new IllegalArgumentException("proportion to cut must be in [0, 0.5), got " + proportion);
        }
        return trimmedSorted(values.clone(), proportion);
    }

    /** {@link #trimMean} that sorts {@code values} in place. */
    private static double trimmedSorted(double[] values, double proportion) {
        int n = values.length;
        int lower = (int) (proportion * n);
        int upper = n - lower;
        double[] sorted = values;
        Arrays.sort(sorted);
        double sum = 0;
        for (int i = lower; i < upper; i++) {
            sum += sorted[i];
        }
        return sum / (upper - lower);
    }

    /**
     * Several estimates of the same scores at once (what a bootstrap resample needs): the task means are computed once
     * and the pooled scores sorted once. Each value equals the estimator's own method bit for bit.
     *
     * @return one value per estimator, in the order given
     */
    public static double[] evaluate(double[][] scores, List<Estimator> estimators) {
        double[] task = null;
        double[] out = new double[estimators.size()];
        for (int k = 0; k < out.length; k++) {
            Estimator e = estimators.get(k);
            if (e == Estimator.MEAN || e == Estimator.MEDIAN) {
                task = task == null ? taskMeans(scores) : task;
                out[k] = e == Estimator.MEAN ? meanOf(task) : medianOf(task.clone());
            } else {
                out[k] = e.apply(scores);
            }
        }
        return out;
    }

    private static double meanOf(double[] task) {
        double sum = 0;
        for (double v : task) {
            sum += v;
        }
        return sum / task.length;
    }

    private static double medianOf(double[] task) {
        Arrays.sort(task);
        int n = task.length;
        return n % 2 == 1 ? task[n / 2] : (task[n / 2 - 1] + task[n / 2]) / 2;
    }

    private static double[] taskMeans(double[][] scores) {
        int tasks = scores[0].length;
        double[] mean = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            double sum = 0;
            for (double[] run : scores) {
                sum += run[t];
            }
            mean[t] = sum / scores.length;
        }
        return mean;
    }
}
