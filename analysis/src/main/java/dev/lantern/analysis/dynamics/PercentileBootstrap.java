package dev.lantern.analysis.dynamics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap interval of a mean (Efron): draw the sample with replacement {@code resamples} times, take
 * each draw's mean, and read the interval off the sorted means, the {@code ceil(B (1 - level) / 2)}-th smallest to the
 * {@code ceil(B (1 + level) / 2)}-th smallest (nearest rank). Seeded, so the same sample and seed give the same
 * interval.
 *
 * @param low  the lower end
 * @param high the upper end
 */
public record PercentileBootstrap(double low, double high) {

    /** Resamples drawn by {@link #ofMean(double[], double, long)}. */
    public static final int RESAMPLES = 10_000;

    /** The {@code level} interval of the mean of {@code sample} from {@link #RESAMPLES} draws seeded by {@code seed}. */
    public static PercentileBootstrap ofMean(double[] sample, double level, long seed) {
        return ofMean(sample, level, RESAMPLES, seed);
    }

    /**
     * The {@code level} interval of the mean of {@code sample} from {@code resamples} draws.
     *
     * @throws IllegalArgumentException if the sample is empty, holds NaN, or {@code level} is outside {@code (0, 1)}
     */
    public static PercentileBootstrap ofMean(double[] sample, double level, int resamples, long seed) {
        if (sample.length == 0 || Arrays.stream(sample).anyMatch(Double::isNaN)) {
            throw new IllegalArgumentException("the sample must be non-empty and hold no NaN: "
                    + Arrays.toString(sample));
        }
        if (!(level > 0 && level < 1) || resamples < 1) {
            throw new IllegalArgumentException("level in (0, 1) and resamples >= 1, got " + level + ", " + resamples);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = sample.length;
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += sample[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        int lo = (int) Math.ceil(resamples * (1 - level) / 2);
        int hi = (int) Math.ceil(resamples * (1 + level) / 2);
        return new PercentileBootstrap(means[Math.max(lo, 1) - 1], means[Math.min(hi, resamples) - 1]);
    }
}
