package dev.lantern.analysis.attribution;

/**
 * The rule integrated gradients integrate the path's gradients with, over {@code alpha} in [0, 1]. Every rule's path
 * starts at {@code alpha = 0} (the baseline) and ends at {@code alpha = 1} (the observation), so F(baseline) and F(x)
 * come from the same batched pass as the gradients; {@code steps} counts the gradient evaluations that carry weight.
 */
public enum Quadrature {

    /**
     * Gauss-Legendre on {@code steps} nodes (the default): exact for a path gradient polynomial of degree
     * {@code 2 steps - 1}, and for a smooth (tanh) network its error falls faster than any power of {@code 1/steps};
     * the two end points are evaluated with weight 0, for F alone. {@code steps + 2} path points.
     */
    GAUSS_LEGENDRE,

    /**
     * Composite Simpson's rule on {@code steps} intervals when {@code steps} is even (error O(1/steps^4)), the
     * trapezoid rule when it is odd (O(1/steps^2)); the end points carry weight. {@code steps + 1} path points.
     */
    SIMPSON;

    /** The path points and weights for {@code steps >= 1}. */
    Rule rule(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("integrated gradients need steps >= 1, got " + steps);
        }
        return this == SIMPSON ? simpson(steps) : gaussLegendre(steps);
    }

    /**
     * Points {@code alphas} in [0, 1] (first exactly 0, last exactly 1, ascending) and their weights, which sum to 1.
     */
    record Rule(double[] alphas, double[] weights) {

        /** Path points. */
        int points() {
            return alphas.length;
        }
    }

    private static Rule simpson(int steps) {
        double[] alphas = new double[steps + 1];
        double[] weights = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            alphas[k] = (double) k / steps;
            if (steps % 2 == 0) {
                weights[k] = (k == 0 || k == steps ? 1.0 : k % 2 == 1 ? 4.0 : 2.0) / (3.0 * steps);
            } else {
                weights[k] = (k == 0 || k == steps ? 0.5 : 1.0) / steps;
            }
        }
        return new Rule(alphas, weights);
    }

    /** Nodes by Newton's method on the Legendre polynomial P_n from Chebyshev-like starts, mapped to [0, 1]. */
    private static Rule gaussLegendre(int n) {
        double[] alphas = new double[n + 2];
        double[] weights = new double[n + 2];
        alphas[n + 1] = 1.0;
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p1 = 1;
                double p2 = 0;
                for (int j = 1; j <= n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2.0 * j - 1) * z * p2 - (j - 1.0) * p3) / j;
                }
                derivative = n * (z * p1 - p2) / (z * z - 1);
                double previous = z;
                z = previous - p1 / derivative;
                if (Math.abs(z - previous) < 1e-15) {
                    break;
                }
            }
            double w = 1.0 / ((1 - z * z) * derivative * derivative); // 2 / (...) on [-1, 1], halved for [0, 1]
            alphas[n - i] = (1 + z) / 2;
            weights[n - i] = w;
            alphas[1 + i] = (1 - z) / 2;
            weights[1 + i] = w;
        }
        return new Rule(alphas, weights);
    }
}
