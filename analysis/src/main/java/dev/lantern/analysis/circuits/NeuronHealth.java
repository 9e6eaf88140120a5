package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import java.util.Arrays;

/**
 * Dead and saturated neurons of one site over a set of states (issue 10, point 1). A neuron is <em>dead</em> when
 * {@code |a| < }{@value #DEAD_BELOW} on every state, and <em>saturated</em> when {@code |a| > }{@value #SATURATED_ABOVE}
 * on at least {@value #SATURATED_SHARE} of the states (a tanh unit stuck at ±1, passing almost no gradient). The
 * counts are exact: the share is compared as integers, {@code 100 * saturatedStates >= 95 * states}.
 *
 * @param site       the site name
 * @param width      neurons at the site
 * @param states     states the counts are over
 * @param dead       indices of the dead neurons, ascending
 * @param saturated  indices of the saturated neurons, ascending
 */
public record NeuronHealth(String site, int width, int states, int[] dead, int[] saturated) {

    /** A neuron below this magnitude on every state is dead. */
    public static final double DEAD_BELOW = 1e-3;
    /** A neuron above this magnitude on {@link #SATURATED_SHARE} of the states is saturated. */
    public static final double SATURATED_ABOVE = 0.99;
    /** The share of states, in percent, above {@link #SATURATED_ABOVE} that makes a neuron saturated. */
    public static final int SATURATED_SHARE = 95;

    public NeuronHealth {
        dead = dead.clone();
        saturated = saturated.clone();
    }

    /** The health of every neuron of {@code a}, one example per state. */
    public static NeuronHealth of(Activations a) {
        int width = a.site().width();
        int n = a.batch();
        if (n < 1) {
            throw new IllegalArgumentException(a.site().name() + ": dead and saturated neurons need states, got none");
        }
        double[] v = a.values();
        boolean[] alive = new boolean[width];
        int[] saturatedStates = new int[width];
        for (int b = 0; b < n; b++) {
            int row = b * width;
            for (int j = 0; j < width; j++) {
                double m = Math.abs(v[row + j]);
                // NaN is neither dead nor saturated: a diverged neuron is alive in the only sense that matters here
                if (!(m < DEAD_BELOW)) {
                    alive[j] = true;
                }
                if (m > SATURATED_ABOVE) {
                    saturatedStates[j]++;
                }
            }
        }
        int[] dead = new int[width];
        int[] saturated = new int[width];
        int d = 0;
        int s = 0;
        for (int j = 0; j < width; j++) {
            if (!alive[j]) {
                dead[d++] = j;
            }
            if (100L * saturatedStates[j] >= (long) SATURATED_SHARE * n) {
                saturated[s++] = j;
            }
        }
        return new NeuronHealth(a.site().name(), width, n, Arrays.copyOf(dead, d), Arrays.copyOf(saturated, s));
    }

    /** Number of dead neurons. */
    public int deadCount() {
        return dead.length;
    }

    /** Number of saturated neurons. */
    public int saturatedCount() {
        return saturated.length;
    }

    @Override
    public int[] dead() {
        return dead.clone();
    }

    @Override
    public int[] saturated() {
        return saturated.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeuronHealth h && site.equals(h.site) && width == h.width && states == h.states
                && Arrays.equals(dead, h.dead) && Arrays.equals(saturated, h.saturated);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * site.hashCode() + width) + 7 * states + Arrays.hashCode(dead) + 3 * Arrays.hashCode(saturated);
    }

    @Override
    public String toString() {
        return site + ": " + dead.length + " dead " + Arrays.toString(dead) + ", " + saturated.length + " saturated "
                + Arrays.toString(saturated) + " of " + width + " over " + states + " states";
    }
}
