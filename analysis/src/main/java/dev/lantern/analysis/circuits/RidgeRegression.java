package dev.lantern.analysis.circuits;

/**
 * Closed-form ridge regression with an unpenalised intercept, prepared once for a fixed design so that many penalties
 * can be tried cheaply (the linear probes' fitting; issue 10, point 5).
 *
 * <p>For features {@code X [n, p]} and targets {@code Y [n, k]} both are centred on their column means, and for a
 * penalty {@code lambda > 0} the weights solve {@code (Xc'Xc + lambda I) W = Xc'Yc}; the intercept is
 * {@code mean(Y) - mean(X) W}, so it is not penalised. When there are more features than rows the same weights come
 * from the dual {@code (Xc Xc' + lambda I) A = Yc}, {@code W = Xc'A} (the push-through identity), which is the smaller
 * system on a one-hot input site. The Gram matrix ({@code p x p} or {@code n x n}, whichever is smaller) and
 * {@code Xc'Yc} are formed once, in the constructor; each {@link #fit(double)} is one Cholesky factorisation of that
 * size and its triangular solves. All in double precision.
 *
 * <pre>{@code
 * RidgeRegression ridge = new RidgeRegression(x, y);       // x [n][p], y [n][k]
 * double scale = ridge.meanEigenvalue();                  // trace(Xc'Xc) / p: penalties relative to it
 * RidgeRegression.Fit f = ridge.fit(1e-3 * scale);
 * double[] yHat = f.predict(row);                         // [k]
 * }</pre>
 */
public final class RidgeRegression {

    private final int n;
    private final int p;
    private final int k;
    private final double[] featureMeans;
    private final double[] targetMeans;
    private final double[][] xc;
    private final double[][] yc;
    /** Xc'Xc ({@code p <= n}) or Xc Xc' (dual), never modified. */
    private final double[][] gram;
    /** Xc'Yc, {@code [p][k]}, primal only. */
    private final double[][] xty;
    private final double trace;

    /**
     * Prepares the ridge problem of {@code x} (rows are examples) and {@code y}.
     *
     * @param x {@code [n][p]}, {@code n >= 1}, {@code p >= 1}, every row the same length
     * @param y {@code [n][k]}, {@code k >= 1}
     * @throws IllegalArgumentException on ragged or mismatched arrays
     */
    public RidgeRegression(double[][] x, double[][] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(x.length + " feature rows for " + y.length + " target rows; both must be"
                    + " the same, at least 1");
        }
        this.n = x.length;
        this.p = x[0].length;
        this.k = y[0].length;
        if (p == 0 || k == 0) {
            throw new IllegalArgumentException("need at least one feature and one target, got " + p + " and " + k);
        }
        this.featureMeans = columnMeans(x, p, "feature");
        this.targetMeans = columnMeans(y, k, "target");
        this.xc = centred(x, featureMeans);
        this.yc = centred(y, targetMeans);
        double t = 0;
        for (double[] row : xc) {
            for (double v : row) {
                t += v * v;
            }
        }
        this.trace = t;
        if (p <= n) {
            gram = new double[p][p];
            xty = new double[p][k];
            for (int i = 0; i < n; i++) {
                double[] xi = xc[i];
                for (int j = 0; j < p; j++) {
                    double xij = xi[j];
                    if (xij == 0) {
                        continue;
                    }
                    for (int l = j; l < p; l++) {
                        gram[j][l] += xij * xi[l];
                    }
                    for (int c = 0; c < k; c++) {
                        xty[j][c] += xij * yc[i][c];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < j; l++) {
                    gram[j][l] = gram[l][j];
                }
            }
        } else {
            gram = new double[n][n];
            xty = null;
            for (int i = 0; i < n; i++) {
                for (int l = 0; l <= i; l++) {
                    double d = 0;
                    for (int j = 0; j < p; j++) {
                        d += xc[i][j] * xc[l][j];
                    }
                    gram[i][l] = d;
                    gram[l][i] = d;
                }
            }
        }
    }

    /** Rows (examples). */
    public int rows() {
        return n;
    }

    /** Features per row. */
    public int features() {
        return p;
    }

    /**
     * {@code trace(Xc'Xc) / p}, the mean eigenvalue of the centred features' Gram matrix: the natural unit of the penalty
     * (a penalty of {@code r} times it shrinks every direction by a factor relative to its share of the variance); 0
     * when every feature is constant.
     */
    public double meanEigenvalue() {
        return trace / p;
    }

    /**
     * The ridge fit with penalty {@code lambda} (absolute, on the centred features).
     *
     * @throws IllegalArgumentException if {@code lambda} is not {@code > 0} and finite
     */
    public Fit fit(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be > 0 and finite, got " + lambda);
        }
        int m = gram.length;
        double[][] g = new double[m][];
        for (int i = 0; i < m; i++) {
            g[i] = gram[i].clone();
            g[i][i] += lambda;
        }
        double[][] w;
        if (xty != null) {
            w = choleskySolve(g, xty);
        } else {
            double[][] alpha = choleskySolve(g, yc);
            w = new double[p][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    double xij = xc[i][j];
                    if (xij != 0) {
                        for (int c = 0; c < k; c++) {
                            w[j][c] += xij * alpha[i][c];
                        }
                    }
                }
            }
        }
        double[] b = targetMeans.clone();
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                b[c] -= featureMeans[j] * w[j][c];
            }
        }
        return new Fit(w, b, lambda);
    }

    /**
     * A fitted linear map {@code y = x W + b}.
     */
    public static final class Fit {

        private final double[][] weights;
        private final double[] intercept;
        private final double lambda;

        private Fit(double[][] weights, double[] intercept, double lambda) {
            this.weights = weights;
            this.intercept = intercept;
            this.lambda = lambda;
        }

        /** The penalty fitted with. */
        public double lambda() {
            return lambda;
        }

        /** The weights, {@code [p][k]} (a copy). */
        public double[][] weights() {
            double[][] copy = new double[weights.length][];
            for (int j = 0; j < weights.length; j++) {
                copy[j] = weights[j].clone();
            }
            return copy;
        }

        /** The intercept, {@code [k]} (a copy). */
        public double[] intercept() {
            return intercept.clone();
        }

        /**
         * The prediction for one row of features, {@code [k]}.
         *
         * @throws IllegalArgumentException if the row does not have {@code p} features
         */
        public double[] predict(double[] x) {
            if (x.length != weights.length) {
                throw new IllegalArgumentException("a row of " + x.length + " features for a fit of " + weights.length);
            }
            double[] out = intercept.clone();
            for (int j = 0; j < x.length; j++) {
                double v = x[j];
                if (v != 0) {
                    double[] wj = weights[j];
                    for (int c = 0; c < out.length; c++) {
                        out[c] += v * wj[c];
                    }
                }
            }
            return out;
        }
    }

    private static double[] columnMeans(double[][] a, int width, String what) {
        double[] mean = new double[width];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != width) {
                throw new IllegalArgumentException(what + " row " + i + " has " + a[i].length + " values, row 0 has "
                        + width);
            }
            for (int j = 0; j < width; j++) {
                mean[j] += a[i][j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= a.length;
        }
        return mean;
    }

    private static double[][] centred(double[][] a, double[] mean) {
        double[][] c = new double[a.length][mean.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                c[i][j] = a[i][j] - mean[j];
            }
        }
        return c;
    }

    /** Solves {@code g x = b} for a symmetric positive definite {@code g} (overwritten), every column of {@code b}. */
    static double[][] choleskySolve(double[][] g, double[][] b) {
        int n = g.length;
        for (int j = 0; j < n; j++) {
            double d = g[j][j];
            for (int l = 0; l < j; l++) {
                d -= g[j][l] * g[j][l];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix not positive definite at pivot " + j + " (" + d + ")");
            }
            g[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double v = g[i][j];
                for (int l = 0; l < j; l++) {
                    v -= g[i][l] * g[j][l];
                }
                g[i][j] = v / g[j][j];
            }
        }
        int k = b[0].length;
        double[][] x = new double[n][k];
        double[] z = new double[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                double v = b[i][c];
                for (int l = 0; l < i; l++) {
                    v -= g[i][l] * z[l];
                }
                z[i] = v / g[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double v = z[i];
                for (int l = i + 1; l < n; l++) {
                    v -= g[l][i] * x[l][c];
                }
                x[i][c] = v / g[i][i];
            }
        }
        return x;
    }
}
