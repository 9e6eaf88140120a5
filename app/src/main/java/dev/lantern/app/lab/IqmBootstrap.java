package dev.lantern.app.lab;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The interquartile mean of a few runs' scores and its percentile-bootstrap confidence interval over runs, for the
 * compare chart's band: a small, seeded stand-in for {@code dev.lantern.analysis.stats} (rliable's estimators) until
 * that library is on main. The IQM has scipy's {@code trim_mean(x, 0.25)} semantics (rliable's): sort, drop
 * {@code floor(n / 4)} values at each end, average the rest. The interval resamples the n runs with replacement
 * {@code resamples} times from a {@link SplittableRandom} of {@code seed}, takes the IQM of each resample, and
 * reads the {@code (1 - level) / 2} and {@code (1 + level) / 2} quantiles with linear interpolation (numpy's
 * default).
 */
final class IqmBootstrap {

    /** Resamples the compare chart draws its band with. */
    static final int RESAMPLES = 2_000;
    /** The band's confidence level. */
    static final double LEVEL = 0.95;
    /** The band's seed (the same runs always give the same band). */
    static final long SEED = 0;

    private IqmBootstrap() {
    }

    /**
     * The interquartile mean of {@code values}.
     *
     * @throws IllegalArgumentException if there are none
     */
    static double iqm(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the IQM of no values");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int cut = v.length / 4;
        double sum = 0;
        for (int i = cut; i < v.length - cut; i++) {
            sum += v[i];
        }
        return sum / (v.length - 2 * cut);
    }

    /**
     * The bootstrap interval {@code [low, high]} of the IQM of {@code values}; a single value gives {@code [v, v]}.
     *
     * @throws IllegalArgumentException if there are no values, no resamples or the level is not in (0, 1)
     */
    static double[] interval(double[] values, int resamples, double level, long seed) {
        if (values.length == 0 || resamples < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need values, resamples >= 1 and a level in (0, 1); got "
                    + values.length + " values, " + resamples + " resamples, level " + level);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        double[] sample = new double[values.length];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = values[random.nextInt(values.length)];
            }
            stats[b] = iqm(sample);
        }
        Arrays.sort(stats);
        return new double[] {quantile(stats, (1 - level) / 2), quantile(stats, (1 + level) / 2)};
    }

    /** The {@code q} quantile of sorted {@code v}, linearly interpolated between order statistics. */
    static double quantile(double[] v, double q) {
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}
