package dev.lantern.app.analyze;

import dev.lantern.analysis.circuits.PairSpec;
import java.util.List;

/**
 * {@code lantern analyze}'s options that sections read.
 *
 * @param probeSeed the seed of the probes' train/held-out split
 * @param figures   whether PNG figures are written beside {@code circuits.json}
 * @param pairs     pair sets named in a pair file ({@code --pairs FILE}), patched after the built-in ones
 */
public record AnalyzeOptions(long probeSeed, boolean figures, List<PairSpec> pairs) {

    public AnalyzeOptions {
        pairs = List.copyOf(pairs);
    }

    /** Options without user pair sets. */
    public AnalyzeOptions(long probeSeed, boolean figures) {
        this(probeSeed, figures, List.of());
    }

    /** The defaults: split seed 0, figures written, no user pair sets. */
    public static AnalyzeOptions defaults() {
        return new AnalyzeOptions(0, true);
    }
}
