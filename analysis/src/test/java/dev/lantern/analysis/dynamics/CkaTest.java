package dev.lantern.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Linear and debiased CKA: the invariants, a value by hand, the unbiased estimator against its textbook formula. */
class CkaTest {

    static final int N = 104;
    static final int W = 64;

    /** {@code [rows, cols]} standard normal, row-major. */
    static double[] gaussian(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] m = new double[rows * cols];
        for (int i = 0; i < m.length; i++) {
            double u = r.nextDouble();
            double v = r.nextDouble();
            m[i] = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        }
        return m;
    }

    /** {@code a [rows, k] x b [k, cols]}. */
    static double[] times(double[] a, int rows, double[] b, int k, int cols) {
        double[] c = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < k; t++) {
                for (int j = 0; j < cols; j++) {
                    c[i * cols + j] += a[i * k + t] * b[t * cols + j];
                }
            }
        }
        return c;
    }

    /** A random orthogonal {@code [w, w]} matrix (Gram-Schmidt on Gaussian columns). */
    static double[] orthogonal(int w, long seed) {
        double[] g = gaussian(w, w, seed);
        double[] q = new double[w * w];
        for (int j = 0; j < w; j++) {
            double[] v = new double[w];
            for (int i = 0; i < w; i++) {
                v[i] = g[i * w + j];
            }
            for (int p = 0; p < j; p++) {
                double d = 0;
                for (int i = 0; i < w; i++) {
                    d += v[i] * q[i * w + p];
                }
                for (int i = 0; i < w; i++) {
                    v[i] -= d * q[i * w + p];
                }
            }
            double norm = Math.sqrt(Cka.dot(v, v));
            for (int i = 0; i < w; i++) {
                q[i * w + j] = v[i] / norm;
            }
        }
        return q;
    }

    /** Y related to X but not a rotation of it: half of X's neurons, mixed, plus noise. */
    static double[] related(double[] x, long seed) {
        double[] mix = gaussian(W, W, seed);
        for (int i = W / 2; i < W; i++) {
            for (int j = 0; j < W; j++) {
                mix[i * W + j] = 0;
            }
        }
        double[] y = times(x, N, mix, W, W);
        double[] noise = gaussian(N, W, seed + 1);
        for (int i = 0; i < y.length; i++) {
            y[i] += 2 * noise[i];
        }
        return y;
    }

    @Test
    void aRepresentationIsIdenticalToItself() {
        double[] x = gaussian(N, W, 1);
        assertEquals(1, Cka.linear(x, x, N).value(), 1e-12);
        assertEquals(1, Cka.debiased(x, x, N).value(), 1e-12);
        CkaRepresentation r = CkaRepresentation.of("x", x, N, W);
        CkaMatrix m = CkaMatrix.compute(List.of(r, CkaRepresentation.of("y", related(x, 5), N, W)), 
                List.of(r, CkaRepresentation.of("y", related(x, 5), N, W)), false, true);
        assertEquals(1, m.linear(0, 0).value(), 1e-12, "Gram path");
        assertTrue(CkaMatrix.symmetric(List.of(r, CkaRepresentation.of("y", related(x, 5), N, W)))
                .selfCheckError() < 1e-12);
    }

    @Test
    void invariantToOrthogonalTransformsIsotropicScalingAndShifts() {
        double[] x = gaussian(N, W, 2);
        double[] y = related(x, 3);
        double lin = Cka.linear(x, y, N).value();
        double deb = Cka.debiased(x, y, N).value();
        assertTrue(lin > 0.3 && lin < 0.95 && deb > 0.2 && deb < 0.95, lin + " " + deb);
        double[] rotated = times(x, N, orthogonal(W, 4), W, W);
        assertEquals(lin, Cka.linear(rotated, y, N).value(), 1e-12);
        assertEquals(deb, Cka.debiased(rotated, y, N).value(), 1e-12);
        double[] scaled = x.clone();
        double[] shifted = x.clone();
        for (int i = 0; i < x.length; i++) {
            scaled[i] *= 37.5;
            shifted[i] += 3 + i % W; // a constant per neuron
        }
        assertEquals(lin, Cka.linear(scaled, y, N).value(), 1e-12);
        assertEquals(deb, Cka.debiased(scaled, y, N).value(), 1e-12);
        assertEquals(lin, Cka.linear(shifted, y, N).value(), 1e-12);
        assertEquals(deb, Cka.debiased(shifted, y, N).value(), 1e-12);
    }

    @Test
    void notInvariantToAnArbitraryInvertibleLinearMap() {
        double[] x = gaussian(N, W, 2);
        double[] y = related(x, 3);
        double[] a = new double[W * W]; // invertible: diagonal 1..64 with an upper band
        for (int i = 0; i < W; i++) {
            a[i * W + i] = i + 1;
            if (i + 1 < W) {
                a[i * W + i + 1] = 0.5;
            }
        }
        double[] mapped = times(x, N, a, W, W);
        double lin = Cka.linear(x, y, N).value();
        double moved = Cka.linear(mapped, y, N).value();
        assertTrue(Math.abs(lin - moved) > 0.05, lin + " vs " + moved);
        assertTrue(Math.abs(Cka.debiased(x, y, N).value() - Cka.debiased(mapped, y, N).value()) > 0.05);
    }

    /**
     * Independent N(0, 1) features, 200 states x 64 neurons each: debiased CKA within 0.03 of 0 (its spread over 200
     * seeds is 0.007, the largest 0.017), linear CKA above 0.2 (its expectation is about 0.24 there: biased upward).
     */
    @Test
    void debiasedIsNearZeroForIndependentFeaturesWhereLinearIsBiasedUp() {
        for (long seed = 10; seed < 15; seed++) {
            double[] x = gaussian(200, W, seed);
            double[] y = gaussian(200, W, seed + 100);
            double deb = Cka.debiased(x, y, 200).value();
            double lin = Cka.linear(x, y, 200).value();
            assertEquals(0, deb, 0.03, "seed " + seed);
            assertTrue(lin > 0.2, "seed " + seed + ": linear " + lin);
        }
    }

    @Test
    void symmetric() {
        double[] x = gaussian(N, W, 6);
        double[] y = gaussian(N, 9, 7);
        assertEquals(Cka.linear(x, y, N).value(), Cka.linear(y, x, N).value(), 1e-15);
        assertEquals(Cka.debiased(x, y, N).value(), Cka.debiased(y, x, N).value(), 1e-15);
    }

    /**
     * X = [[1,0],[0,1],[-1,0],[0,-1]] (centred already), Y = [[2,0],[0,0],[0,1],[0,0]], column means (0.5, 0.25):
     * Yc^T X = [[2, 0], [-1, 0]], so ||Yc^T X||^2 = 5; X^T X = 2 I, ||.|| = sqrt 8; Yc^T Yc = [[3, -0.5], [-0.5,
     * 0.75]], ||.||^2 = 9 + 0.25 + 0.25 + 0.5625 = 10.0625. Linear CKA = 5 / sqrt(8 x 10.0625) = 0.55728. The unbiased
     * HSIC of Y with itself is exactly 0 here (d = (2.3125, 0.3125, 0.8125, 0.3125), d.d = 6.203125, tr = 3.75:
     * 10.0625 - 2 x 6.203125 + 3.75^2 / 6 = 0), so debiased CKA is undefined, with that reason.
     */
    @Test
    void aFourByTwoExampleByHand() {
        double[] x = {1, 0, 0, 1, -1, 0, 0, -1};
        double[] y = {2, 0, 0, 0, 0, 1, 0, 0};
        assertEquals(5 / Math.sqrt(8 * 10.0625), Cka.linear(x, y, 4).value(), 1e-15);
        assertEquals(0.55728, Cka.linear(x, y, 4).value(), 1e-5);
        CkaRepresentation rx = CkaRepresentation.of("X", x, 4, 2);
        assertEquals(2.0 / 3, rx.selfHsic(), 1e-15); // (8 - 2 x 4 + 16 / 6) / 4
        CkaValue d = Cka.debiased(x, y, 4);
        assertFalse(d.defined());
        assertTrue(d.reason().contains("Y: its unbiased HSIC with itself"), d.reason());
    }

    /** Song et al.'s formula written out on the uncentred Gram matrices, the fast form's independent oracle. */
    static double songHsic(double[] x, int p, double[] y, int q, int n) {
        double[][] k = new double[n][n];
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    for (int c = 0; c < p; c++) {
                        k[i][j] += x[i * p + c] * x[j * p + c];
                    }
                    for (int c = 0; c < q; c++) {
                        l[i][j] += y[i * q + c] * y[j * q + c];
                    }
                }
            }
        }
        double trace = 0;
        double sumK = 0;
        double sumL = 0;
        double rowDot = 0;
        for (int i = 0; i < n; i++) {
            double rk = 0;
            double rl = 0;
            for (int j = 0; j < n; j++) {
                trace += k[i][j] * l[j][i];
                rk += k[i][j];
                rl += l[i][j];
            }
            sumK += rk;
            sumL += rl;
            rowDot += rk * rl;
        }
        return (trace + sumK * sumL / ((n - 1.0) * (n - 2)) - 2.0 / (n - 2) * rowDot) / (n * (n - 3.0));
    }

    @Test
    void debiasedMatchesSongsFormulaOnUncentredGrams() {
        int n = 30;
        double[] x = gaussian(n, 5, 8);
        double[] y = gaussian(n, 3, 9);
        for (int i = 0; i < x.length; i++) {
            x[i] += 4; // far from centred, so the shift invariance is exercised
        }
        double expected = songHsic(x, 5, y, 3, n) / Math.sqrt(songHsic(x, 5, x, 5, n) * songHsic(y, 3, y, 3, n));
        assertEquals(expected, Cka.debiased(x, y, n).value(), 1e-10);
    }

    @Test
    void theGramAndFeatureSpacePathsAgree() {
        List<CkaRepresentation> reps = List.of(CkaRepresentation.of("a", gaussian(N, W, 11), N, W),
                CkaRepresentation.of("b", gaussian(N, 7, 12), N, 7), CkaRepresentation.of("c", related(gaussian(N,
                        W, 11), 13), N, W));
        CkaMatrix gram = CkaMatrix.compute(reps, reps, true, true);
        CkaMatrix feature = CkaMatrix.compute(reps, reps, true, false);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(feature.linear(i, j).value(), gram.linear(i, j).value(), 1e-12);
                assertEquals(feature.debiased(i, j).value(), gram.debiased(i, j).value(), 1e-12);
            }
        }
        assertTrue(CkaMatrix.gramsWorthIt(reps, reps), "104 states of 64 neurons: the Gram path is cheaper");
    }

    @Test
    void aDeadSiteIsUndefinedWithItsReasonNeverZero() {
        double[] dead = new double[N * 8];
        java.util.Arrays.fill(dead, 0.7310585786300049); // a constant, not exactly representable after centring
        CkaRepresentation d = CkaRepresentation.of("torso.dense1@5000", dead, N, 8);
        CkaRepresentation live = CkaRepresentation.of("live", gaussian(N, W, 14), N, W);
        CkaMatrix m = CkaMatrix.symmetric(List.of(d, live));
        assertTrue(Double.isNaN(m.linear(0, 1).value()));
        assertTrue(Double.isNaN(m.debiased(1, 0).value()));
        assertTrue(m.linear(0, 1).reason().contains("torso.dense1@5000: every one of its 8 neurons is constant over "
                + "the 104 states (zero variance"), m.linear(0, 1).reason());
        assertTrue(m.linear(1, 1).defined());
        assertEquals(List.of(d.linearReason()), m.undefinedReasons());
        assertTrue(m.selfCheckError() < 1e-12, "the live one's diagonal");
        double[] nan = gaussian(N, 2, 15);
        nan[3] = Double.NaN;
        assertTrue(Cka.linear(nan, nan, N).reason().contains("non-finite"));
    }

    @Test
    void differentStatesAreRejected() {
        CkaRepresentation a = CkaRepresentation.of("a", gaussian(10, 2, 1), 10, 2);
        CkaRepresentation b = CkaRepresentation.of("b", gaussian(11, 2, 1), 11, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cka.linear(a, b));
        assertTrue(e.getMessage().contains("a has 10 states, b has 11"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CkaMatrix.of(List.of(a), List.of(b)));
    }
}
