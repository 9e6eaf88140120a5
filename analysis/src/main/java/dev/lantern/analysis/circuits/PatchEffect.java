package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Readout;
import java.util.Arrays;
import java.util.Locale;

/**
 * What patching clean activations into corrupted states restores of one output (issue 10, point 4), pair by pair,
 * averaged and pooled. For pair {@code i}, {@code restored[i] = (patched[i] - corrupted[i]) / (clean[i] -
 * corrupted[i])}: 1 when the patch gives back the clean output, 0 when it changes nothing. It is <b>undefined
 * (NaN)</b> where {@code |clean[i] - corrupted[i]| < epsilon}: there is nothing to restore. The outputs are the
 * network's own, exact (no sampling); the fractions are computed in double from them.
 *
 * <p><b>Pooled or mean.</b> {@code pooledRestored = sum_i (patched[i] - corrupted[i]) * sign(clean[i] - corrupted[i])
 * / sum_i |clean[i] - corrupted[i]|} over the defined pairs: the share of the total gap the patch closes, each pair
 * weighed by its gap. It equals {@code meanRestored} when every pair's gap is the same, is exactly 1 when every pair's
 * patched output is its clean one (a whole layer patched) and exactly 0 when no patched output moves (a neuron the
 * output does not read). The mean of ratios is dominated by pairs whose gap is barely above {@code epsilon} (a small
 * move divided by a tiny gap); the pooled fraction is not, so it is the one to rank neurons by.
 *
 * @param site           the patched site
 * @param neurons        the patched neurons of {@code site}
 * @param output         the output read
 * @param pairs          the pairs' description ({@link StatePairs#description()})
 * @param clean          the output in each pair's clean state, {@code [pairs]}
 * @param corrupted      the output in each pair's corrupted state, unpatched, {@code [pairs]}
 * @param patched        the output in each pair's corrupted state with the clean activations patched in
 * @param restored       each pair's restored fraction, NaN where undefined
 * @param epsilon        the threshold on {@code |clean - corrupted|} below which a pair's fraction is undefined
 * @param pooledRestored the pooled restored fraction over the defined pairs (above); NaN when no pair is defined
 * @param meanRestored   the mean of the defined fractions; NaN when no pair is defined
 * @param standardError  the standard error of that mean over the defined pairs ({@code sd / sqrt(n)}, sample sd);
 *                       NaN under two defined pairs
 * @param definedCount   the number of pairs whose fraction is defined
 */
public record PatchEffect(String site, int[] neurons, Readout output, String pairs, double[] clean,
        double[] corrupted, double[] patched, double[] restored, double epsilon, double pooledRestored,
        double meanRestored, double standardError, int definedCount) {

    public PatchEffect {
        neurons = neurons.clone();
        clean = clean.clone();
        corrupted = corrupted.clone();
        patched = patched.clone();
        restored = restored.clone();
    }

    /** Pairs whose fraction is undefined ({@code |clean - corrupted| < epsilon}). */
    public int undefinedCount() {
        return restored.length - definedCount;
    }

    @Override
    public int[] neurons() {
        return neurons.clone();
    }

    @Override
    public double[] clean() {
        return clean.clone();
    }

    @Override
    public double[] corrupted() {
        return corrupted.clone();
    }

    @Override
    public double[] patched() {
        return patched.clone();
    }

    @Override
    public double[] restored() {
        return restored.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatchEffect e && site.equals(e.site) && Arrays.equals(neurons, e.neurons)
                && output.equals(e.output) && pairs.equals(e.pairs) && Arrays.equals(clean, e.clean)
                && Arrays.equals(corrupted, e.corrupted) && Arrays.equals(patched, e.patched)
                && Arrays.equals(restored, e.restored) && Double.compare(epsilon, e.epsilon) == 0
                && Double.compare(pooledRestored, e.pooledRestored) == 0
                && Double.compare(meanRestored, e.meanRestored) == 0
                && Double.compare(standardError, e.standardError) == 0 && definedCount == e.definedCount;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {site, Arrays.hashCode(neurons), output, pairs, Arrays.hashCode(patched),
            meanRestored});
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "patch %s%s -> %s over %s: restored pooled %.4f, mean %.4f +- %.4f"
                + " (%d defined, %d undefined at eps %.1e)", site, Arrays.toString(neurons), output, pairs,
                pooledRestored, meanRestored, standardError, definedCount,
                undefinedCount(), epsilon);
    }
}
