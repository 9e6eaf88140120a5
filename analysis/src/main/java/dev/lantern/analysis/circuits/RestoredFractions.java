package dev.lantern.analysis.circuits;

/**
 * The restored fraction of each pair, {@code (patched - corrupted) / (clean - corrupted)}, NaN where
 * {@code |clean - corrupted| < epsilon} (or exactly 0), with the mean over the defined pairs (NaN if none), its
 * standard error (sample sd over {@code sqrt(n)}; NaN under two) and the pooled fraction over the defined pairs,
 * {@code sum (patched - corrupted) * sign(clean - corrupted) / sum |clean - corrupted|} (NaN if none): the arithmetic
 * {@link PatchEffect} and {@link PatchSweep} share. The pooled fraction weighs each pair by the gap it has to
 * restore, so a pair whose gap is barely above {@code epsilon} cannot dominate it as its ratio dominates the mean.
 *
 * @param restored      per pair, NaN where undefined
 * @param mean          the mean of the defined fractions
 * @param standardError its standard error
 * @param pooled        the pooled fraction over the defined pairs
 * @param defined       the number of defined pairs
 */
record RestoredFractions(double[] restored, double mean, double standardError, double pooled, int defined) {

    /** The fractions of {@code patched} between {@code corrupted} (0) and {@code clean} (1), pair by pair. */
    static RestoredFractions of(double[] clean, double[] corrupted, double[] patched, double epsilon) {
        int m = clean.length;
        double[] restored = new double[m];
        int defined = 0;
        double sum = 0;
        double moved = 0;
        double gaps = 0;
        for (int i = 0; i < m; i++) {
            double gap = clean[i] - corrupted[i];
            if (Math.abs(gap) < epsilon || gap == 0) {
                restored[i] = Double.NaN;
            } else {
                restored[i] = (patched[i] - corrupted[i]) / gap + 0.0; // + 0.0: no -0.0 in reports
                defined++;
                sum += restored[i];
                moved += (patched[i] - corrupted[i]) * Math.signum(gap);
                gaps += Math.abs(gap);
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
        double pooled = defined == 0 ? Double.NaN : moved / gaps + 0.0;
        return new RestoredFractions(restored, mean, se, pooled, defined);
    }
}
