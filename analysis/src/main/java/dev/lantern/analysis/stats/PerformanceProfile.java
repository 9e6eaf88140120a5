package dev.lantern.analysis.stats;

/**
 * A performance profile (rliable's score distribution): at each threshold {@code tau}, the fraction of runs whose score
 * is better than {@code tau}, averaged over tasks, with stratified-bootstrap bands. "Better" follows the metric's
 * {@link Direction}: {@code score > tau} when higher is better (rliable's definition), {@code score <= tau} when lower
 * is better (the fraction of runs that solved within {@code tau} steps; a run that never solved, scored +Infinity,
 * never counts).
 *
 * @param taus      the thresholds, ascending, {@code [k]}
 * @param fractions the fraction at each threshold with its band, {@code [k]}
 */
public record PerformanceProfile(double[] taus, Interval[] fractions) {

    /** Validates that there is one fraction per threshold. */
    public PerformanceProfile {
        if (taus.length != fractions.length) {
            throw new IllegalArgumentException(taus.length + " thresholds but " + fractions.length + " fractions");
        }
        taus = taus.clone();
        fractions = fractions.clone();
    }

    @Override
    public double[] taus() {
        return taus.clone();
    }

    @Override
    public Interval[] fractions() {
        return fractions.clone();
    }

    /** The profile of {@code scores} at {@code taus}, with bands from {@code bootstrap}. */
    public static PerformanceProfile of(ScoreMatrix scores, double[] taus, Direction direction,
                                        StratifiedBootstrap bootstrap) {
        double[] t = taus.clone();
        return new PerformanceProfile(t, bootstrap.intervals(scores, s -> distribution(s, t, direction)));
    }

    /**
     * The score distribution of {@code scores}, {@code [runs][tasks]}, at each of {@code taus}: the mean over tasks of
     * the fraction of runs better than the threshold.
     */
    public static double[] distribution(double[][] scores, double[] taus, Direction direction) {
        int tasks = scores[0].length;
        double[] out = new double[taus.length];
        for (int k = 0; k < taus.length; k++) {
            double tau = taus[k];
            double sum = 0;
            for (int task = 0; task < tasks; task++) {
                int better = 0;
                for (double[] run : scores) {
                    double v = run[task];
                    if (direction == Direction.HIGHER_IS_BETTER ? v > tau : v <= tau) {
                        better++;
                    }
                }
                sum += better / (double) scores.length;
            }
            out[k] = sum / tasks;
        }
        return out;
    }

    /**
     * {@code points} evenly spaced thresholds from {@code from} to {@code to}, both included (computed as
     * {@code from + i (to - from) / (points - 1)}, so the ends are exact).
     */
    public static double[] grid(double from, double to, int points) {
        if (points < 2 || !(to >= from)) {
            throw new IllegalArgumentException("a grid needs at least 2 points and from <= to, got " + points
                    + " points over [" + from + ", " + to + "]");
        }
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = i == points - 1 ? to : from + i * (to - from) / (points - 1);
        }
        return g;
    }
}
