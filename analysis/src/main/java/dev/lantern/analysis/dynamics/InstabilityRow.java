package dev.lantern.analysis.dynamics;

import java.util.Map;

/**
 * One fork step of an {@link InstabilityAnalysis}: the barriers between every pair of the children forked at that
 * step, at their final checkpoint.
 *
 * @param atStep         the env step the children were forked at ({@code k})
 * @param children       how many children were forked there
 * @param pairBarriers   the normalised-return barrier of each pair, in pair order ({@code (0,1), (0,2), ..})
 * @param mean           their mean
 * @param interval       the percentile bootstrap 95% interval of the mean over pairs
 * @param meanBarriers   the mean barrier of every metric over the pairs
 * @param stable         whether {@code mean < }{@link InstabilityAnalysis#STABLE_BARRIER}
 */
public record InstabilityRow(long atStep, int children, double[] pairBarriers, double mean,
        PercentileBootstrap interval, Map<ConnectivityMetric, Double> meanBarriers, boolean stable) {

    public InstabilityRow {
        pairBarriers = pairBarriers.clone();
        meanBarriers = Map.copyOf(meanBarriers);
    }

    /** Pairs of children measured. */
    public int pairs() {
        return pairBarriers.length;
    }
}
