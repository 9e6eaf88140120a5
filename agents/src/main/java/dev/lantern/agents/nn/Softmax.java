package dev.lantern.agents.nn;

/** Numerically stable softmax over the rows of a row-major matrix, in double precision. */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Writes {@code softmax(logits[r, :])} into {@code out[r, :]} for every row.
     *
     * @param logits {@code [rows * cols]}
     * @param out    {@code [rows * cols]}; may be the same array as {@code logits}
     */
    public static void rows(double[] logits, int rows, int cols, double[] out) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, logits[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(logits[o + j] - max);
                out[o + j] = e;
                sum += e;
            }
            for (int j = 0; j < cols; j++) {
                out[o + j] /= sum;
            }
        }
    }
}
