package dev.lantern.analysis.stats;

/**
 * A point estimate with its confidence interval.
 *
 * @param point the estimate on the scores as observed
 * @param lower the interval's lower end (a bootstrap percentile)
 * @param upper the interval's upper end
 */
public record Interval(double point, double lower, double upper) {

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** Whether {@code lower <= value <= upper}. */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
