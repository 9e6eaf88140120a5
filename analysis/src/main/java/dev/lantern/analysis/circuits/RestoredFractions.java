package dev.lantern.analysis.circuits;

/**
 * The restored fraction of each pair, {@code (patched - corrupted) / (clean - corrupted)}, NaN where
 * {@code |clean - corrupted| < epsilon} (or exactly 0), with the mean over the defined pairs (NaN if none) and its
 * standard error (sample sd over {@code sqrt(n)}; NaN under two): the arithmetic {@link PatchEffect} and
 * {@link PatchSweep} share.
 *
 * @param restored      per pair, NaN where undefined
 * @param mean          the mean of the defined fractions
 * @param standardError its standard error
 * @param defined       the number of defined pairs
 */
record RestoredFractions(double[] restored, double mean, double standardError, int defined) {

    /** The fractions of {@code patched} between {@code corrupted} (0) and {@code clean} (1), pair by pair. */
    static RestoredFractions of(double[] clean, double[] corrupted, double[] patched, double epsilon) {
        int m = clean.length;
        double[] restored = new double[m];
        int defined = 0;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double gap = clean[i] - corrupted[i];
            if (Math.abs(gap) < epsilon || gap == 0) {
                restored[i] = Double.NaN;
            } else {
                restored[i] = (patched[i] - corrupted[i]) / gap + 0.0; // + 0.0: no -0.0 in reports
                defined++;
                sum += restored[i];
            }
        }
        double mean = defined == 0 ? Double.NaN : sum / defined;
        double se = Double.NaN;
        if (defined >= 2) {
            double ss = 0;
            for (double f : restored) {
                if (!Double.isNaN(f)) {
                    ss += (f - mean) * (f - mean);
                }
            }
            se = Math.sqrt(ss / (defined - 1) / defined);
        }
        return new RestoredFractions(restored, mean, se, defined);
    }
}
