package dev.lantern.analysis.stats;

import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * rliable's stratified bootstrap: each resample draws, for every task separately, as many runs as the task has, with
 * replacement, from that task's runs; a statistic is evaluated on every resample, and its percentile interval
 * ({@code ((1 - c) / 2, (1 + c) / 2)} quantiles, numpy's linear interpolation, commons-math3's {@code R_7}) is
 * reported around the statistic of the scores as observed. Two score matrices (probability of improvement) are
 * resampled independently of each other, as rliable's {@code StratifiedIndependentBootstrap} does.
 *
 * <p>Seeded: the same scores, statistic and seed give the same interval bit for bit (one {@link SplittableRandom},
 * drawn in a fixed order: resample by resample, matrix by matrix, task by task, run by run).
 */
public final class StratifiedBootstrap {

    /** rliable's default number of resamples for interval estimates. */
    public static final int INTERVAL_RESAMPLES = 50_000;
    /** rliable's default number of resamples for performance-profile bands. */
    public static final int PROFILE_RESAMPLES = 2_000;
    /** The default confidence of an interval: 95%. */
    public static final double CONFIDENCE = 0.95;

    private final int resamples;
    private final double confidence;
    private final long seed;

    /**
     * @param resamples  bootstrap resamples, at least 1
     * @param confidence the interval's coverage, in (0, 1)
     * @param seed       the resampling seed
     */
    public StratifiedBootstrap(int resamples, double confidence, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        this.resamples = resamples;
        this.confidence = confidence;
        this.seed = seed;
    }

    /** The resamples drawn per interval. */
    public int resamples() {
        return resamples;
    }

    /** The intervals' coverage. */
    public double confidence() {
        return confidence;
    }

    /** This bootstrap with another seed. */
    public StratifiedBootstrap withSeed(long newSeed) {
        return new StratifiedBootstrap(resamples, confidence, newSeed);
    }

    /**
     * Intervals for every component of a vector statistic of one score matrix (all components from the same
     * resamples, as rliable evaluates its estimators together).
     *
     * @param statistic maps {@code [runs][tasks]} to a vector of fixed length; it must not keep its argument
     */
    public Interval[] intervals(ScoreMatrix scores, Function<double[][], double[]> statistic) {
        return intervals(scores, scores, (x, y) -> statistic.apply(x), false);
    }

    /**
     * Intervals for every component of a statistic of two score matrices of the same number of tasks, each resampled
     * on its own.
     */
    public Interval[] intervals(ScoreMatrix x, ScoreMatrix y, BiFunction<double[][], double[][], double[]> statistic) {
        if (x.tasks() != y.tasks()) {
            throw new IllegalArgumentException("matrices differ in tasks: " + x.tasks() + " vs " + y.tasks());
        }
        return intervals(x, y, statistic, true);
    }

    private Interval[] intervals(ScoreMatrix x, ScoreMatrix y, BiFunction<double[][], double[][], double[]> statistic,
                                 boolean two) {
        double[] point = statistic.apply(x.raw(), y.raw());
        double[][] draws = new double[point.length][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        double[][] bx = new double[x.runs()][x.tasks()];
        double[][] by = two ? new double[y.runs()][y.tasks()] : bx;
        for (int b = 0; b < resamples; b++) {
            resample(x.raw(), bx, random);
            if (two) {
                resample(y.raw(), by, random);
            }
            double[] v = statistic.apply(bx, by);
            if (v.length != point.length) {
                throw new IllegalStateException("statistic gave " + v.length + " values on a resample, "
                        + point.length + " on the scores");
            }
            for (int k = 0; k < v.length; k++) {
                draws[k][b] = v[k];
            }
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double lowerQ = 100 * (1 - confidence) / 2;
        double upperQ = 100 * (1 + confidence) / 2;
        Interval[] out = new Interval[point.length];
        for (int k = 0; k < point.length; k++) {
            percentile.setData(draws[k]);
            out[k] = new Interval(point[k], percentile.evaluate(lowerQ), percentile.evaluate(upperQ));
        }
        return out;
    }

    /** One interval for a scalar statistic of one score matrix. */
    public Interval interval(ScoreMatrix scores, Function<double[][], Double> statistic) {
        return intervals(scores, s -> new double[] {statistic.apply(s)})[0];
    }

    private static void resample(double[][] from, double[][] into, SplittableRandom random) {
        int runs = from.length;
        int tasks = from[0].length;
        for (int t = 0; t < tasks; t++) {
            for (int r = 0; r < runs; r++) {
                into[r][t] = from[random.nextInt(runs)][t];
            }
        }
    }
}
