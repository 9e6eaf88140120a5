package dev.lantern.analysis.lca;

import dev.lantern.agents.api.ParameterLayout;

/**
 * The per-parameter sums of a run's allocations: cumulative over the run, over the open probe window, and the sign
 * oscillation counts ({@link Oscillation}); each step is added in one pass over its support, which also gives the
 * step's per-layer sums and its helped / hurt / zero counts. A parameter outside the support, or with an allocation of
 * exactly zero, changes nothing, so the sums are those of the full allocation vector to the last bit.
 *
 * <p>While steps come on one support (a probe window), its parameters' sums are kept apart in arrays of the support's
 * size, read where they are (the support's parameters are scattered over the flat vector), and written back into the
 * full arrays whenever those are asked for: the same additions in the same order.
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
    private ParameterSupport open;
    private double[] openCumulative;
    private double[] openWindow;
    private Oscillation openOscillation;

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
        if (support != open) {
            close();
            int[] index = support.indices();
            openCumulative = new double[index.length];
            openWindow = new double[index.length];
            for (int k = 0; k < index.length; k++) {
                openCumulative[k] = cumulative[index[k]];
                openWindow[k] = window[index[k]];
            }
            openOscillation = oscillation.gather(index);
            open = support;
        }
        double[] cum = openCumulative;
        double[] win = openWindow;
        Oscillation osc = openOscillation;
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
                cum[k] += a;
                win[k] += a;
                sum += a;
                if (a < 0) {
                    helped++;
                } else if (a > 0) {
                    hurt++;
                }
                osc.add(k, a);
            }
            layers[l] = sum;
        }
        return new Step(layers, new AllocationCounts(helped, hurt, cumulative.length - helped - hurt));
    }

    /** Writes the open support's sums back into the full arrays; the next step reads them again. */
    private void close() {
        if (open == null) {
            return;
        }
        int[] index = open.indices();
        for (int k = 0; k < index.length; k++) {
            cumulative[index[k]] = openCumulative[k];
            window[index[k]] = openWindow[k];
        }
        oscillation.scatter(openOscillation, index);
        open = null;
    }

    /** The cumulative allocation per parameter over the run (the live array: what is written there is kept). */
    double[] cumulative() {
        close();
        return cumulative;
    }

    /** The allocation per parameter over the open probe window (the live array: what is written there is kept). */
    double[] window() {
        close();
        return window;
    }

    /** Starts a new window's sums. */
    void clearWindow() {
        close();
        java.util.Arrays.fill(window, 0);
    }

    /** The sign oscillation counts (the live counts: what is restored there is kept). */
    Oscillation oscillation() {
        close();
        return oscillation;
    }
}
