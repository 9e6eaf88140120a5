package dev.lantern.analysis.circuits;

/**
 * One row of a {@link PatchSweep}: what patching one neuron, or a whole site, restores of one output over a pair set.
 *
 * @param pairs          the pair set's description
 * @param site           the patched site
 * @param neuron         the patched neuron, or {@link #WHOLE_SITE} when every neuron of the site is patched
 * @param output         the output read ({@link SweepOutput#name()})
 * @param pooledRestored the pooled restored fraction over the defined pairs ({@link PatchEffect#pooledRestored()}:
 *                       the gap closed over the total gap), what a sweep ranks by; NaN when none is defined
 * @param meanRestored   the mean restored fraction over the defined pairs; NaN when none is defined
 * @param standardError  its standard error; NaN under two defined pairs
 * @param definedCount   pairs whose fraction is defined ({@code |clean - corrupted| >= epsilon})
 * @param undefinedCount pairs whose fraction is undefined
 */
public record PatchSweepRow(String pairs, String site, int neuron, String output, double pooledRestored,
        double meanRestored, double standardError, int definedCount, int undefinedCount) {

    /** {@link #neuron()} of a row that patched every neuron of its site. */
    public static final int WHOLE_SITE = -1;

    /** Whether every neuron of the site was patched. */
    public boolean wholeSite() {
        return neuron == WHOLE_SITE;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %s%s -> %s: restored pooled %.4f, mean %.4f +- %.4f"
                + " (%d defined, %d undefined)", pairs, site, wholeSite() ? " (whole)" : "[" + neuron + "]", output,
                pooledRestored, meanRestored, standardError, definedCount, undefinedCount);
    }
}
