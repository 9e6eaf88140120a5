package dev.lantern.analysis.attribution;

import java.util.List;

/**
 * The completeness of many integrated-gradients results (e.g. one per decision state): the worst and the mean
 * relative completeness error over the results where it is defined, and how many it is not defined for.
 *
 * @param results   how many results
 * @param defined   how many have a completeness error ({@code |F(x) - F(b)| >= } {@link Attributor#COMPLETENESS_EPSILON})
 * @param maxError  the worst completeness error; {@code NaN} if none is defined
 * @param meanError the mean completeness error; {@code NaN} if none is defined
 */
public record AttributionSummary(int results, int defined, double maxError, double meanError) {

    /** The summary of {@code attributions} (integrated gradients). */
    public static AttributionSummary of(List<Attribution> attributions) {
        int defined = 0;
        double max = Double.NaN;
        double sum = 0;
        for (Attribution a : attributions) {
            double e = a.completenessError();
            if (!Double.isNaN(e)) {
                defined++;
                sum += e;
                max = Double.isNaN(max) ? e : Math.max(max, e);
            }
        }
        return new AttributionSummary(attributions.size(), defined, max, defined == 0 ? Double.NaN : sum / defined);
    }

    /** How many results have no completeness error. */
    public int undefined() {
        return results - defined;
    }
}
