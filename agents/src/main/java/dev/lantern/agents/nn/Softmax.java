package dev.lantern.agents.nn;

/** Numerically stable (log-)softmax over the rows of a row-major matrix, in double precision. */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Writes {@code log softmax(logits[offset .. offset + cols))} into {@code logpOut[0 .. cols)}.
     *
     * @param logits  a row-major matrix, or one row of it
     * @param offset  where the row starts
     * @param cols    its length
     * @param logpOut receives the row's log-probabilities
     */
    public static void logRow(double[] logits, int offset, int cols, double[] logpOut) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            sum += Math.exp(logits[offset + j] - max);
        }
        double logSum = max + Math.log(sum);
        for (int j = 0; j < cols; j++) {
            logpOut[j] = logits[offset + j] - logSum;
        }
    }

    /**
     * Writes {@code softmax(logits[r, :])} into {@code out[r, :]} for every row.
     *
     * @param logits {@code [rows * cols]}
     * @param out    {@code [rows * cols]}; may be the same array as {@code logits}
     */
    public static void rows(double[] logits, int rows, int cols, double[] out) {
        double[] logp = new double[cols];
        for (int r = 0; r < rows; r++) {
            logRow(logits, r * cols, cols, logp);
            for (int j = 0; j < cols; j++) {
                out[r * cols + j] = Math.exp(logp[j]);
            }
        }
    }
}
