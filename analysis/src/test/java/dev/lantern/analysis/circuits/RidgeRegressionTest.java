package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.random.Rng;
import org.junit.jupiter.api.Test;

/** The closed form (primal and dual) equals a direct solve of the penalised normal equations with a free intercept. */
class RidgeRegressionTest {

    @Test
    void thePrimalClosedFormIsTheDirectSolve() {
        checkAgainstDirectSolve(7, 3, 2, 0.3, 11); // more rows than features: the p x p system
    }

    @Test
    void theDualClosedFormIsTheDirectSolve() {
        checkAgainstDirectSolve(4, 6, 2, 0.05, 12); // more features than rows: the n x n system
    }

    @Test
    void aLargerPenaltyShrinksTheWeightsAndNeverTheIntercept() {
        double[][] x = {{0}, {1}, {2}, {3}};
        double[][] y = {{5}, {7}, {9}, {11}}; // y = 2 x + 5
        RidgeRegression ridge = new RidgeRegression(x, y);
        assertEquals(5, ridge.meanEigenvalue(), 1e-15); // centred x: -1.5, -0.5, 0.5, 1.5; one feature
        RidgeRegression.Fit exact = ridge.fit(1e-12);
        assertEquals(2, exact.weights()[0][0], 1e-11);
        assertEquals(5, exact.intercept()[0], 1e-11);
        RidgeRegression.Fit shrunk = ridge.fit(5); // w = Sxy / (Sxx + lambda) = 10 / (5 + 5)
        assertEquals(1, shrunk.weights()[0][0], 1e-12);
        assertEquals(8 - 1.5, shrunk.intercept()[0], 1e-12); // through the means: mean y - w mean x
        assertEquals(8, shrunk.predict(new double[] {1.5})[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ridge.fit(0));
        assertThrows(IllegalArgumentException.class, () -> shrunk.predict(new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new RidgeRegression(x, new double[3][1]));
    }

    private static void checkAgainstDirectSolve(int n, int p, int k, double lambda, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][p];
        double[][] y = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rng.nextGaussian() + j;
            }
            for (int c = 0; c < k; c++) {
                y[i][c] = rng.nextGaussian() * 3 - c;
            }
        }
        RidgeRegression.Fit fit = new RidgeRegression(x, y).fit(lambda);
        // direct: unknowns (w_1..w_p, b); minimise |X w + b 1 - y|^2 + lambda |w|^2, normal equations by elimination
        int m = p + 1;
        for (int c = 0; c < k; c++) {
            double[][] a = new double[m][m + 1];
            for (int i = 0; i < n; i++) {
                double[] row = new double[m];
                System.arraycopy(x[i], 0, row, 0, p);
                row[p] = 1;
                for (int r = 0; r < m; r++) {
                    for (int l = 0; l < m; l++) {
                        a[r][l] += row[r] * row[l];
                    }
                    a[r][m] += row[r] * y[i][c];
                }
            }
            for (int r = 0; r < p; r++) {
                a[r][r] += lambda;
            }
            double[] beta = gaussianElimination(a);
            for (int j = 0; j < p; j++) {
                assertEquals(beta[j], fit.weights()[j][c], 1e-9 * (1 + Math.abs(beta[j])), "weight " + j);
            }
            assertEquals(beta[p], fit.intercept()[c], 1e-9 * (1 + Math.abs(beta[p])), "intercept");
        }
        assertTrue(fit.lambda() == lambda);
    }

    /** Solves the augmented system {@code a = [A | b]} by Gaussian elimination with partial pivoting. */
    private static double[] gaussianElimination(double[][] a) {
        int m = a.length;
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = col + 1; r < m; r++) {
                double f = a[r][col] / a[col][col];
                for (int l = col; l <= m; l++) {
                    a[r][l] -= f * a[col][l];
                }
            }
        }
        double[] xs = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double v = a[r][m];
            for (int l = r + 1; l < m; l++) {
                v -= a[r][l] * xs[l];
            }
            xs[r] = v / a[r][r];
        }
        return xs;
    }
}
