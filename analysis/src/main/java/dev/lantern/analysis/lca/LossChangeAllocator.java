package dev.lantern.analysis.lca;

/**
 * Allocates the change of a fixed loss over one step to the parameters by integrating the gradient along the
 * straight path θ(s) = θ_t + sΔ, s ∈ [0, 1] (DESIGN.md):
 *
 * <pre>
 *   L(θ_{t+1}) − L(θ_t) = ∫₀¹ ∇L(θ(s))·Δ ds ≈ Σ_i A_i,   A_i = Δ_i Σ_j w_j g_i(θ(s_j))
 * </pre>
 *
 * with composite Simpson weights over {@code k} equal pieces ({@code 1/(6k)} × 1, 4, 2, 4, ..., 4, 1 at
 * {@code s_j = j / 2k}). It starts with one piece (gradients at θ_t, the midpoint and θ_{t+1}: with the start gradient
 * reused from the previous step, two new evaluations) and, while |actual − Σ A_i| exceeds the threshold, doubles the
 * number of pieces up to {@code maxPieces}, reusing every gradient already computed (old points keep their place,
 * only the new odd points are evaluated). The per-step error and the pieces needed are part of the result.
 *
 * <p>Several functions at once ({@link #allocateTerms}: the terms of a loss) share the points: each gets its own
 * allocation and error, and the interval is split until every one of them, and their sum, is within the threshold.
 */
public final class LossChangeAllocator {

    /** DESIGN.md's default absolute error threshold. */
    public static final double DEFAULT_ERROR_THRESHOLD = 1e-3;
    /** DESIGN.md's largest number of pieces. */
    public static final int DEFAULT_MAX_PIECES = 32;

    private final double errorThreshold;
    private final int maxPieces;
    // Work arrays reused from step to step (one allocator serves one thread); resized when n or the terms change.
    private double[] delta = new double[0];
    private double[][] g = new double[0][];
    private double[][] ends;
    private double[][] evens;
    private double[][] odds;
    private double[] point;
    private double[] values;

    /**
     * @param errorThreshold refine while |error| is above this (absolute, in loss units); must be >= 0
     * @param maxPieces      at most this many Simpson pieces; a power of two >= 1
     */
    public LossChangeAllocator(double errorThreshold, int maxPieces) {
        if (!(errorThreshold >= 0)) {
            throw new IllegalArgumentException("errorThreshold must be >= 0, got " + errorThreshold);
        }
        if (maxPieces < 1 || Integer.bitCount(maxPieces) != 1) {
            throw new IllegalArgumentException("maxPieces must be a power of two >= 1, got " + maxPieces);
        }
        this.errorThreshold = errorThreshold;
        this.maxPieces = maxPieces;
    }

    /**
     * Allocates one step.
     *
     * @param loss        the fixed loss
     * @param theta0      θ_t, {@code [n]}
     * @param theta1      θ_{t+1}, {@code [n]}
     * @param start       ∇L(θ_t) if known (reused from the previous step's end), else null
     * @param lossStart   L(θ_t) when {@code start} is given (ignored otherwise)
     * @param endGradient receives ∇L(θ_{t+1}) for reuse by the next step, {@code [n]}
     */
    public StepAllocation allocate(GradientOracle loss, double[] theta0, double[] theta1, double[] start,
            double lossStart, double[] endGradient) {
        return allocateTerms(TermOracle.of(loss), theta0, theta1, start == null ? null : new double[][] {start},
                new double[] {lossStart}, new double[][] {endGradient})[0];
    }

    /**
     * Allocates one step for each of several functions, at the same points; the interval is split until every
     * function's |error| and that of their sum are within the threshold (or {@code maxPieces} is reached). Each
     * result reports the common pieces and evaluations.
     *
     * @param loss         the fixed functions (a loss's terms)
     * @param theta0       θ_t, {@code [n]}
     * @param theta1       θ_{t+1}, {@code [n]}
     * @param start        each function's gradient at θ_t if known, {@code [terms][n]}, else null
     * @param lossStart    each function's value at θ_t when {@code start} is given, {@code [terms]}
     * @param endGradients receive each function's gradient at θ_{t+1}, {@code [terms][n]}
     * @return one allocation per function
     */
    public StepAllocation[] allocateTerms(TermOracle loss, double[] theta0, double[] theta1, double[][] start,
            double[] lossStart, double[][] endGradients) {
        int n = theta0.length;
        int k = loss.terms();
        if (theta1.length != n || endGradients.length != k || endGradients[0].length != n
                || (start != null && (start.length != k || start[0].length != n))) {
            throw new IllegalArgumentException("vectors differ in length: theta0 " + n + ", theta1 " + theta1.length
                    + ", endGradient " + endGradients[0].length + " x " + endGradients.length + " terms"
                    + (start == null ? "" : ", start " + start[0].length + " x " + start.length) + "; terms " + k);
        }
        int evaluations = 0;
        if (delta.length != n || g.length != k) {
            delta = new double[n];
            g = new double[k][n];
            ends = new double[k][n];
            evens = new double[k][n];
            odds = new double[k][n];
            point = new double[n];
            values = new double[k];
        }
        for (int i = 0; i < n; i++) {
            delta[i] = theta1[i] - theta0[i];
        }
        for (int t = 0; t < k; t++) {
            java.util.Arrays.fill(evens[t], 0);
            java.util.Arrays.fill(odds[t], 0);
        }
        double[] l0 = new double[k];
        if (start != null) {
            for (int t = 0; t < k; t++) {
                System.arraycopy(start[t], 0, ends[t], 0, n);
            }
            System.arraycopy(lossStart, 0, l0, 0, k);
        } else {
            loss.evaluate(theta0, l0, g);
            evaluations++;
            for (int t = 0; t < k; t++) {
                System.arraycopy(g[t], 0, ends[t], 0, n);
            }
        }
        double[] l1 = new double[k];
        loss.evaluate(theta1, l1, endGradients);
        evaluations++;
        for (int t = 0; t < k; t++) {
            double[] e = ends[t];
            double[] end = endGradients[t];
            for (int i = 0; i < n; i++) {
                e[i] += end[i];
            }
        }
        // evens: interior points with weight 2; odds: midpoints of the current pieces, weight 4
        double[][] allocation = new double[k][n];
        double[] allocated = new double[k];
        int pieces = 1;
        evaluations += addMidpoints(loss, theta0, pieces);
        combine(pieces, allocation, allocated);
        while (worstError(l0, l1, allocated) > errorThreshold && pieces < maxPieces) {
            for (int t = 0; t < k; t++) {
                for (int i = 0; i < n; i++) {
                    evens[t][i] += odds[t][i];
                    odds[t][i] = 0;
                }
            }
            pieces *= 2;
            evaluations += addMidpoints(loss, theta0, pieces);
            combine(pieces, allocation, allocated);
        }
        StepAllocation[] out = new StepAllocation[k];
        for (int t = 0; t < k; t++) {
            out[t] = new StepAllocation(allocation[t], l0[t], l1[t], allocated[t], pieces, evaluations);
        }
        return out;
    }

    /** The largest |actual − allocated| over the functions and their sum (one function: its own). */
    private static double worstError(double[] l0, double[] l1, double[] allocated) {
        if (l0.length == 1) {
            return Math.abs((l1[0] - l0[0]) - allocated[0]);
        }
        double worst = 0;
        double sum = 0;
        for (int t = 0; t < l0.length; t++) {
            double error = (l1[t] - l0[t]) - allocated[t];
            worst = Math.max(worst, Math.abs(error));
            sum += error;
        }
        return Math.max(worst, Math.abs(sum));
    }

    /** Adds the gradients at the midpoints of {@code pieces} equal pieces into {@code odds}. */
    private int addMidpoints(TermOracle loss, double[] theta0, int pieces) {
        int n = theta0.length;
        for (int m = 0; m < pieces; m++) {
            double s = (2 * m + 1) / (2.0 * pieces);
            for (int i = 0; i < n; i++) {
                point[i] = theta0[i] + s * delta[i];
            }
            loss.evaluate(point, values, g);
            for (int t = 0; t < g.length; t++) {
                double[] o = odds[t];
                double[] gt = g[t];
                for (int i = 0; i < n; i++) {
                    o[i] += gt[i];
                }
            }
        }
        return pieces;
    }

    private void combine(int pieces, double[][] allocation, double[] allocated) {
        double w = 1.0 / (6.0 * pieces);
        for (int t = 0; t < allocation.length; t++) {
            double[] e = ends[t];
            double[] ev = evens[t];
            double[] o = odds[t];
            double[] a = allocation[t];
            double sum = 0;
            for (int i = 0; i < delta.length; i++) {
                double v = delta[i] * (e[i] + 2 * ev[i] + 4 * o[i]) * w;
                a[i] = v;
                sum += v;
            }
            allocated[t] = sum;
        }
    }
}
