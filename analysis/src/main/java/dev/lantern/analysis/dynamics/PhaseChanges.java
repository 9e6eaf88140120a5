package dev.lantern.analysis.dynamics;

import java.util.ArrayList;
import java.util.List;

/**
 * Phase changes of a training run (issue 11, point 8): when a metric's level moves for good, found as
 * {@link ChangePoints} in the mean of its series over env steps. A long series (episode returns, one a finished
 * episode) is first averaged in {@link #BINS} equal-count bins in step order, so that each point is a mean of many
 * (closer to Gaussian, as the noise estimate assumes) and the search stays cheap; a short one (one value an iteration
 * or an evaluation) is used as it is. Non-finite values are left out.
 *
 * <p>An event must also shift the level by at least {@link #MIN_RELATIVE_SHIFT} of the series' spread, and each level
 * must last a twentieth of the series ({@link #MIN_SEGMENT_DIVISOR}). A trend rather
 * than a step shows as several changes in the same direction: the model is piecewise constant.
 */
public final class PhaseChanges {

    /** The number of bins a long series is averaged into. */
    public static final int BINS = 100;

    /**
     * One event on the timeline.
     *
     * @param series    the metric's name
     * @param step      the env step at which the new level starts (the first step of the first bin or point after the
     *                  change)
     * @param direction {@code "rise"} or {@code "fall"}
     * @param before    the mean level before
     * @param after     the mean level after
     * @param effect    the shift in units of the series' noise (see {@link ChangePoints})
     */
    public record Event(String series, long step, String direction, double before, double after, double effect) {
    }

    /**
     * A series as the detector sees it: binned when long, finite values only.
     *
     * @param steps  each point's env step (a bin's first step)
     * @param values each point's value (a bin's mean)
     */
    public record Series(long[] steps, double[] values) {
    }

    private PhaseChanges() {
    }

    /** {@code steps}/{@code values} without the non-finite values, and binned when longer than {@code 2 * BINS}. */
    public static Series prepare(long[] steps, double[] values) {
        if (steps.length != values.length) {
            throw new IllegalArgumentException(steps.length + " steps for " + values.length + " values");
        }
        int n = 0;
        long[] s = new long[steps.length];
        double[] v = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                s[n] = steps[i];
                v[n] = values[i];
                n++;
            }
        }
        if (n <= 2 * BINS) {
            return new Series(java.util.Arrays.copyOf(s, n), java.util.Arrays.copyOf(v, n));
        }
        long[] bs = new long[BINS];
        double[] bv = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            int from = (int) ((long) b * n / BINS);
            int to = (int) ((long) (b + 1) * n / BINS);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += v[i];
            }
            bs[b] = s[from];
            bv[b] = sum / (to - from);
        }
        return new Series(bs, bv);
    }

    /**
     * The least shift an event must have, as a fraction of the series' spread (its 95th minus its 5th percentile, as
     * prepared): smaller shifts can be statistically clear and still not a phase of training.
     */
    public static final double MIN_RELATIVE_SHIFT = 0.2;

    /**
     * Segments are at least this fraction of the series long ({@code n / 20}, at least 3 points): a phase lasts; a
     * spike of one iteration (LCA's allocations have many) is not one.
     */
    public static final int MIN_SEGMENT_DIVISOR = 20;

    /** The events of one metric, in step order. */
    public static List<Event> of(String name, long[] steps, double[] values) {
        Series s = prepare(steps, values);
        List<Event> events = new ArrayList<>();
        double[] sorted = s.values().clone();
        java.util.Arrays.sort(sorted);
        double spread = sorted.length == 0 ? 0
                : sorted[(int) Math.floor(0.95 * (sorted.length - 1))] - sorted[(int) Math.ceil(0.05 * (sorted.length - 1))];
        double minShift = MIN_RELATIVE_SHIFT * Math.max(spread, 0);
        for (ChangePoints.Change c : ChangePoints.detect(s.values(), ChangePoints.DEFAULT_BETA,
                Math.max(3, s.values().length / MIN_SEGMENT_DIVISOR), minShift)) {
            events.add(new Event(name, s.steps()[c.index()], c.after() > c.before() ? "rise" : "fall", c.before(),
                    c.after(), c.effect()));
        }
        return List.copyOf(events);
    }
}
