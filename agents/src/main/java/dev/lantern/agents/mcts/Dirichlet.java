package dev.lantern.agents.mcts;

import java.util.function.DoubleSupplier;

/** Dirichlet and Gamma sampling (Marsaglia and Tsang, 2000), for root noise. */
final class Dirichlet {

    private Dirichlet() {
    }

    /**
     * Writes a draw of {@code Dirichlet(alpha, ..., alpha)} into {@code out[0..n)}, using only uniform draws in
     * {@code [0, 1)} from {@code random} (so any seeded stream can drive it).
     */
    static void sample(DoubleSupplier random, double alpha, double[] out, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            out[i] = gamma(random, alpha);
            sum += out[i];
        }
        if (!(sum > 0)) { // every draw underflowed (tiny alpha): fall back to one random corner
            java.util.Arrays.fill(out, 0, n, 0.0);
            out[Math.min(n - 1, (int) (random.getAsDouble() * n))] = 1;
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] /= sum;
        }
    }

    /** A draw of {@code Gamma(shape, 1)}, {@code shape > 0}, from {@code random}'s uniform draws. */
    static double gamma(java.util.SplittableRandom random, double shape) {
        return gamma((DoubleSupplier) random::nextDouble, shape);
    }

    /** A draw of {@code Gamma(shape, 1)}, {@code shape > 0}. */
    static double gamma(DoubleSupplier random, double shape) {
        if (shape < 1) { // boost: Gamma(a) = Gamma(a + 1) * U^(1/a)
            double u = random.getAsDouble();
            return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.getAsDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double gaussian(DoubleSupplier random) { // Box-Muller, one of the pair
        double u1 = 1 - random.getAsDouble();
        double u2 = random.getAsDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
