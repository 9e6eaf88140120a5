package dev.lantern.analysis.stats;

/**
 * How intervals are drawn.
 *
 * @param seed              the seed every bootstrap of a comparison is derived from (by name)
 * @param intervalResamples resamples for estimator and probability-of-improvement intervals; rliable's 50,000
 * @param profileResamples  resamples for performance-profile bands; rliable's 2,000
 * @param confidence        coverage of every interval; 0.95
 */
public record BootstrapOptions(long seed, int intervalResamples, int profileResamples, double confidence) {

    /** Validates the counts and the confidence. */
    public BootstrapOptions {
        new StratifiedBootstrap(intervalResamples, confidence, seed);
        new StratifiedBootstrap(profileResamples, confidence, seed);
    }

    /** rliable's defaults with {@code seed}: 50,000 and 2,000 resamples, 95%. */
    public static BootstrapOptions defaults(long seed) {
        return new BootstrapOptions(seed, StratifiedBootstrap.INTERVAL_RESAMPLES, StratifiedBootstrap.PROFILE_RESAMPLES,
                StratifiedBootstrap.CONFIDENCE);
    }
}
