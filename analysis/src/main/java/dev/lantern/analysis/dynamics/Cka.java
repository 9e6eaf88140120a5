package dev.lantern.analysis.dynamics;

/**
 * Centred kernel alignment with linear kernels (Kornblith et al., "Similarity of Neural Network Representations
 * Revisited", ICML 2019): how alike two representations of the same states are, invariant to orthogonal transforms
 * and isotropic scaling of either, but not to arbitrary invertible linear maps. All in double precision.
 *
 * <p><b>Linear CKA</b>, the feature-space form on column-centred activations {@code Xc [n, p]}, {@code Yc [n, q]}:
 * <pre>
 *   CKA(X, Y) = ||Yc^T Xc||_F^2 / (||Xc^T Xc||_F ||Yc^T Yc||_F)
 * </pre>
 * equal to {@code <Kc, Lc>_F / (||Kc||_F ||Lc||_F)} with the centred Gram matrices {@code Kc = Xc Xc^T},
 * {@code Lc = Yc Yc^T}. It is biased upward for few states: unrelated random features of width 64 over 200 states
 * score about 0.24.
 *
 * <p><b>Debiased CKA</b> replaces each HSIC by the unbiased estimator of Song et al. (JMLR 2012), as Kornblith et al.
 * and Nguyen et al. (ICLR 2021) use it: with {@code K~}, {@code L~} the Gram matrices with their diagonals set to 0,
 * <pre>
 *   HSIC_u(K, L) = [tr(K~ L~) + (1^T K~ 1)(1^T L~ 1) / ((n-1)(n-2)) - 2/(n-2) 1^T K~ L~ 1] / (n (n-3))
 *   dCKA(X, Y)   = HSIC_u(K, L) / sqrt(HSIC_u(K, K) HSIC_u(L, L))
 * </pre>
 * {@code HSIC_u} does not change when a constant is added to a feature, so it is computed from the centred Gram
 * matrices, whose rows sum to 0: with {@code d} the diagonal of {@code Kc} and {@code e} that of {@code Lc},
 * {@code tr(K~ L~) = <Kc, Lc> - d.e}, {@code 1^T K~ 1 = -tr Kc}, {@code 1^T K~ L~ 1 = d.e}; the only
 * {@code O(n p q)} term is {@code <Kc, Lc>}, shared with linear CKA. Near 0 for independent features (a test states
 * the tolerance); it needs at least 4 states and may fall slightly below 0.
 *
 * <p>A representation with zero variance over the states (a dead layer) makes both undefined: NaN with the reason
 * ({@link CkaValue}). For many pairs at once use {@link CkaMatrix}.
 */
public final class Cka {

    /** Relative size below which an unbiased self-HSIC counts as rounding noise around 0. */
    static final double ROUNDING = 1e-10;

    private Cka() {
    }

    /**
     * Linear CKA of two prepared representations of the same states.
     *
     * @throws IllegalArgumentException if they have different numbers of states
     */
    public static CkaValue linear(CkaRepresentation x, CkaRepresentation y) {
        return linear(x, y, x.cross(y));
    }

    /**
     * Debiased CKA of two prepared representations of the same states.
     *
     * @throws IllegalArgumentException if they have different numbers of states
     */
    public static CkaValue debiased(CkaRepresentation x, CkaRepresentation y) {
        return debiased(x, y, x.cross(y));
    }

    /** Linear CKA of {@code x [rows, p]} and {@code y [rows, q]}, row-major, in one call. */
    public static CkaValue linear(double[] x, double[] y, int rows) {
        return linear(prepare("X", x, rows), prepare("Y", y, rows));
    }

    /** Debiased CKA of {@code x [rows, p]} and {@code y [rows, q]}, row-major, in one call. */
    public static CkaValue debiased(double[] x, double[] y, int rows) {
        return debiased(prepare("X", x, rows), prepare("Y", y, rows));
    }

    private static CkaRepresentation prepare(String label, double[] values, int rows) {
        if (rows < 1 || values.length % rows != 0) {
            throw new IllegalArgumentException(label + ": " + values.length + " values are not " + rows + " rows");
        }
        return CkaRepresentation.of(label, values, rows, values.length / rows);
    }

    /** Linear CKA given {@code cross = <Kc, Lc>_F}. */
    static CkaValue linear(CkaRepresentation x, CkaRepresentation y, double cross) {
        String reason = reason(x.linearReason(), y.linearReason());
        if (!reason.isEmpty()) {
            return CkaValue.undefined(reason);
        }
        return CkaValue.of(cross / Math.sqrt(x.selfCross() * y.selfCross()));
    }

    /** Debiased CKA given {@code cross = <Kc, Lc>_F}. */
    static CkaValue debiased(CkaRepresentation x, CkaRepresentation y, double cross) {
        String reason = reason(x.debiasedReason(), y.debiasedReason());
        if (!reason.isEmpty()) {
            return CkaValue.undefined(reason);
        }
        return CkaValue.of(hsicU(x, y, cross) / Math.sqrt(x.selfHsic() * y.selfHsic()));
    }

    private static String reason(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || b.equals(a) ? a : a + "; " + b;
    }

    /** Song et al.'s unbiased HSIC of the linear kernels of {@code x} and {@code y}, given {@code <Kc, Lc>_F}. */
    static double hsicU(CkaRepresentation x, CkaRepresentation y, double cross) {
        double n = x.rows();
        double de = dot(x.rowNorms(), y.rowNorms());
        return (cross - de * (1 + 2 / (n - 2)) + x.trace() * y.trace() / ((n - 1) * (n - 2))) / (n * (n - 3));
    }

    /** The size of the terms {@link #hsicU} sums, to tell a result of 0 from rounding noise. */
    static double hsicScale(CkaRepresentation x, CkaRepresentation y, double cross) {
        double n = x.rows();
        double de = dot(x.rowNorms(), y.rowNorms());
        return (Math.abs(cross) + de * (1 + 2 / (n - 2)) + x.trace() * y.trace() / ((n - 1) * (n - 2)))
                / (n * (n - 3));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
