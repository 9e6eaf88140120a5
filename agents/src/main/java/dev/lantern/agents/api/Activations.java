package dev.lantern.agents.api;

import java.util.Map;

/**
 * The values of one site over a batch in double precision (widened from the network's own type, so a float network's
 * numbers are exact), or the gradient of a readout with respect to them.
 *
 * @param site   the site
 * @param batch  examples
 * @param values {@code [batch * width]} row-major: example {@code b}, neuron {@code j} at {@code b width + j}
 */
public record Activations(Site site, int batch, double[] values) {

    /**
     * The entry for {@code site} in {@code bySite} (a {@link Recording}'s or {@link Gradients}' map).
     *
     * @param how how the present sites came to be there, for the message ({@code recorded}, {@code requested})
     * @throws IllegalArgumentException naming the site and the sites present when it is absent
     */
    static Activations at(Map<String, Activations> bySite, String site, String how) {
        Activations a = bySite.get(site);
        if (a == null) {
            throw new IllegalArgumentException("site " + site + " was not " + how + " (" + how + ": " + bySite.keySet()
                    + ")");
        }
        return a;
    }

    public Activations {
        if (values.length != batch * site.width()) {
            throw new IllegalArgumentException(site.name() + ": " + values.length + " values for a batch of " + batch
                    + " x " + site.width());
        }
    }

    /** Example {@code b}'s value at neuron {@code j}. */
    public double get(int b, int j) {
        return values[b * site.width() + j];
    }

    /** Example {@code b}'s values, {@code [width]} (a copy). */
    public double[] row(int b) {
        double[] r = new double[site.width()];
        System.arraycopy(values, b * site.width(), r, 0, r.length);
        return r;
    }
}
