package dev.lantern.analysis.dynamics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Instability analysis (Frankle et al. 2020, section 3): fork a run at step {@code k} into children that differ only
 * in their random streams, train them to the end, and measure the linear-interpolation barrier between every pair of
 * children at their final checkpoint ({@code n} children give {@code n (n - 1) / 2} pairs). The run is stable at
 * {@code k} when the mean normalised-return barrier ({@link ConnectivityMetric#RETURN_ERROR}) is below
 * {@value #STABLE_BARRIER} (Frankle et al.'s 2%); the interval is a percentile bootstrap over the pairs (pairs share
 * children, so it is optimistic for few children; with 4 children it rests on 6 pairs).
 */
public final class InstabilityAnalysis {

    /** Frankle et al.'s threshold: stable when the barrier is below 2% of the optimum. */
    public static final double STABLE_BARRIER = 0.02;
    /** The interval's level. */
    public static final double LEVEL = 0.95;

    private InstabilityAnalysis() {
    }

    /** Every pair {@code (i, j)} with {@code i < j < n}, in the order {@code (0,1), (0,2), .., (n-2, n-1)}. */
    public static List<int[]> pairs(int n) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out.add(new int[] {i, j});
            }
        }
        return out;
    }

    /**
     * The row of fork step {@code atStep} from the curves between its children's pairs.
     *
     * @param seed the bootstrap's seed (mixed with {@code atStep}, so every row draws its own resamples)
     * @throws IllegalArgumentException if there is no curve, or a normalised-return barrier is NaN (the optimum is
     *         unknown)
     */
    public static InstabilityRow row(long atStep, int children, List<InterpolationCurve> pairCurves, long seed) {
        if (pairCurves.isEmpty()) {
            throw new IllegalArgumentException("fork step " + atStep + ": no pair of children to compare ("
                    + children + " children)");
        }
        double[] barriers = pairCurves.stream().mapToDouble(c -> c.barrier(ConnectivityMetric.RETURN_ERROR)).toArray();
        Map<ConnectivityMetric, Double> means = new EnumMap<>(ConnectivityMetric.class);
        for (ConnectivityMetric m : ConnectivityMetric.values()) {
            means.put(m, pairCurves.stream().mapToDouble(c -> c.barrier(m)).average().orElse(Double.NaN));
        }
        double mean = means.get(ConnectivityMetric.RETURN_ERROR);
        if (Double.isNaN(mean)) {
            throw new IllegalArgumentException("fork step " + atStep
                    + ": the normalised-return barrier is undefined (the exact optimum is unknown or not positive)");
        }
        PercentileBootstrap ci = PercentileBootstrap.ofMean(barriers, LEVEL, seed ^ (atStep * 0x9E3779B97F4A7C15L));
        return new InstabilityRow(atStep, children, barriers, mean, ci, means, mean < STABLE_BARRIER);
    }

    /**
     * The fork step from which the run is stable (Frankle et al.: the earliest {@code k} such that forks at {@code k}
     * and at every later step measured are stable): the smallest {@code atStep} whose row and every later row have a
     * mean barrier below the threshold; empty if the last fork step is unstable (or there are no rows). An unstable
     * later step (a child that failed to learn) therefore moves it past that step.
     */
    public static OptionalLong firstStable(List<InstabilityRow> rows) {
        List<InstabilityRow> sorted = rows.stream().sorted((x, y) -> Long.compare(x.atStep(), y.atStep())).toList();
        OptionalLong first = OptionalLong.empty();
        for (int i = sorted.size() - 1; i >= 0 && sorted.get(i).stable(); i--) {
            first = OptionalLong.of(sorted.get(i).atStep());
        }
        return first;
    }
}
