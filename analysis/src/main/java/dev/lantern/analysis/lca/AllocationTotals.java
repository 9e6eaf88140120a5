package dev.lantern.analysis.lca;

import dev.lantern.agents.api.ParameterLayout;

/**
 * The per-parameter sums of a run's allocations: cumulative over the run, over the open probe window, and the sign
 * oscillation counts ({@link Oscillation}); each step is added in one pass over its support, which also gives the
 * step's per-layer sums and its helped / hurt / zero counts. A parameter outside the support, or with an allocation of
 * exactly zero, changes nothing, so the sums are those of the full allocation vector to the last bit.
 */
final class AllocationTotals {

    /**
     * What one step added.
     *
     * @param layers the step's allocation summed per layer, in layout order
     * @param counts helped / hurt / zero among all the network's parameters
     */
    record Step(double[] layers, AllocationCounts counts) {
    }

    private final ParameterLayout layout;
    private final double[] cumulative;
    private final double[] window;
    private final Oscillation oscillation;

    /** Empty sums for the parameters of {@code layout}. */
    AllocationTotals(ParameterLayout layout) {
        this.layout = layout;
        int n = layout.size();
        cumulative = new double[n];
        window = new double[n];
        oscillation = new Oscillation(n);
    }

    /**
     * Adds one step's allocation.
     *
     * @param support    the parameters it is given on
     * @param allocation the allocation on the support, {@code [support.size()]}
     */
    Step add(ParameterSupport support, double[] allocation) {
        int[] index = support.indices();
        int[] bounds = support.layerBounds(layout);
        double[] layers = new double[bounds.length - 1];
        int helped = 0;
        int hurt = 0;
        for (int l = 0; l < layers.length; l++) {
            double sum = 0;
            for (int k = bounds[l]; k < bounds[l + 1]; k++) {
                double a = allocation[k];
                if (a == 0) {
                    continue;
                }
                int i = index[k];
                cumulative[i] += a;
                window[i] += a;
                sum += a;
                if (a < 0) {
                    helped++;
                } else if (a > 0) {
                    hurt++;
                }
                oscillation.add(i, a);
            }
            layers[l] = sum;
        }
        return new Step(layers, new AllocationCounts(helped, hurt, cumulative.length - helped - hurt));
    }

    /** The cumulative allocation per parameter over the run (the live array). */
    double[] cumulative() {
        return cumulative;
    }

    /** The allocation per parameter over the open probe window (the live array). */
    double[] window() {
        return window;
    }

    /** Starts a new window's sums. */
    void clearWindow() {
        java.util.Arrays.fill(window, 0);
    }

    /** The sign oscillation counts. */
    Oscillation oscillation() {
        return oscillation;
    }
}
