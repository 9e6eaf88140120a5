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
 */
public final class LossChangeAllocator {

    /** DESIGN.md's default absolute error threshold. */
    public static final double DEFAULT_ERROR_THRESHOLD = 1e-3;
    /** DESIGN.md's largest number of pieces. */
    public static final int DEFAULT_MAX_PIECES = 32;

    private final double errorThreshold;
    private final int maxPieces;
    // Work arrays reused from step to step (one allocator serves one thread); resized when n changes.
    private double[] delta = new double[0];
    private double[] g;
    private double[] ends;
    private double[] evens;
    private double[] odds;
    private double[] point;

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
        int n = theta0.length;
        if (theta1.length != n || endGradient.length != n || (start != null && start.length != n)) {
            throw new IllegalArgumentException("vectors differ in length: theta0 " + n + ", theta1 " + theta1.length
                    + ", endGradient " + endGradient.length + (start == null ? "" : ", start " + start.length));
        }
        int evaluations = 0;
        if (delta.length != n) {
            delta = new double[n];
            g = new double[n];
            ends = new double[n];
            evens = new double[n];
            odds = new double[n];
            point = new double[n];
        }
        for (int i = 0; i < n; i++) {
            delta[i] = theta1[i] - theta0[i];
        }
        java.util.Arrays.fill(evens, 0);
        java.util.Arrays.fill(odds, 0);
        double l0;
        if (start != null) {
            System.arraycopy(start, 0, ends, 0, n);
            l0 = lossStart;
        } else {
            l0 = loss.evaluate(theta0, g);
            evaluations++;
            System.arraycopy(g, 0, ends, 0, n);
        }
        double l1 = loss.evaluate(theta1, endGradient);
        evaluations++;
        for (int i = 0; i < n; i++) {
            ends[i] += endGradient[i];
        }
        // evens: interior points with weight 2; odds: midpoints of the current pieces, weight 4
        double[] allocation = new double[n];
        int pieces = 1;
        evaluations += addMidpoints(loss, theta0, delta, pieces, odds, point, g);
        double allocated = combine(delta, ends, evens, odds, pieces, allocation);
        while (Math.abs((l1 - l0) - allocated) > errorThreshold && pieces < maxPieces) {
            for (int i = 0; i < n; i++) {
                evens[i] += odds[i];
                odds[i] = 0;
            }
            pieces *= 2;
            evaluations += addMidpoints(loss, theta0, delta, pieces, odds, point, g);
            allocated = combine(delta, ends, evens, odds, pieces, allocation);
        }
        return new StepAllocation(allocation, l0, l1, allocated, pieces, evaluations);
    }

    /** Adds the gradients at the midpoints of {@code pieces} equal pieces into {@code odds}. */
    private static int addMidpoints(GradientOracle loss, double[] theta0, double[] delta, int pieces, double[] odds,
            double[] point, double[] g) {
        int n = theta0.length;
        for (int m = 0; m < pieces; m++) {
            double s = (2 * m + 1) / (2.0 * pieces);
            for (int i = 0; i < n; i++) {
                point[i] = theta0[i] + s * delta[i];
            }
            loss.evaluate(point, g);
            for (int i = 0; i < n; i++) {
                odds[i] += g[i];
            }
        }
        return pieces;
    }

    private static double combine(double[] delta, double[] ends, double[] evens, double[] odds, int pieces,
            double[] allocation) {
        double w = 1.0 / (6.0 * pieces);
        double sum = 0;
        for (int i = 0; i < delta.length; i++) {
            double a = delta[i] * (ends[i] + 2 * evens[i] + 4 * odds[i]) * w;
            allocation[i] = a;
            sum += a;
        }
        return sum;
    }
}
