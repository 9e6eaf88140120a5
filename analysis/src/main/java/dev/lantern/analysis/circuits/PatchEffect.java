package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Readout;
import java.util.Arrays;

/**
 * What patching clean activations into corrupted states restores of one output (issue 10, point 4), pair by pair and
 * averaged. For pair {@code i}, {@code restored[i] = (patched[i] - corrupted[i]) / (clean[i] - corrupted[i])}: 1 when
 * the patch gives back the clean output, 0 when it changes nothing. It is <b>undefined (NaN)</b> where
 * {@code |clean[i] - corrupted[i]| < epsilon}: there is nothing to restore. The outputs are the network's own, exact
 * (no sampling); the fractions are computed in double from them.
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
 * @param meanRestored   the mean of the defined fractions; NaN when no pair is defined
 * @param standardError  the standard error of that mean over the defined pairs ({@code sd / sqrt(n)}, sample sd);
 *                       NaN under two defined pairs
 * @param definedCount   the number of pairs whose fraction is defined
 */
public record PatchEffect(String site, int[] neurons, Readout output, String pairs, double[] clean,
        double[] corrupted, double[] patched, double[] restored, double epsilon, double meanRestored,
        double standardError, int definedCount) {

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
        return String.format("patch %s%s -> %s over %s: restored %.4f +- %.4f (%d defined, %d undefined at eps %.1e)",
                site, Arrays.toString(neurons), output, pairs, meanRestored, standardError, definedCount,
                undefinedCount(), epsilon);
    }
}
