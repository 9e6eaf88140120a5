package dev.lantern.app.analyze;

/**
 * {@code lantern analyze}'s options that sections read.
 *
 * @param probeSeed the seed of the probes' train/held-out split
 * @param figures   whether PNG figures are written beside {@code circuits.json}
 */
public record AnalyzeOptions(long probeSeed, boolean figures) {

    /** The defaults: split seed 0, figures written. */
    public static AnalyzeOptions defaults() {
        return new AnalyzeOptions(0, true);
    }
}
