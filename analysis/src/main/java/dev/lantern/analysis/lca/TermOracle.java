package dev.lantern.analysis.lca;

/**
 * Several differentiable scalar functions of one flat parameter vector, evaluated together at each point in double
 * precision: the terms of a loss (policy, value, entropy...), each with its own gradient.
 */
public interface TermOracle {

    /** The number of functions, {@code >= 1}. */
    int terms();

    /**
     * Evaluates every function at {@code theta}.
     *
     * @param theta        the point, {@code [n]}
     * @param valuesOut    receives each function's value, {@code [terms]}
     * @param gradientsOut receives each function's gradient, {@code [terms][n]}
     */
    void evaluate(double[] theta, double[] valuesOut, double[][] gradientsOut);

    /** One function as a one-term oracle. */
    static TermOracle of(GradientOracle loss) {
        return new TermOracle() {
            @Override
            public int terms() {
                return 1;
            }

            @Override
            public void evaluate(double[] theta, double[] valuesOut, double[][] gradientsOut) {
                valuesOut[0] = loss.evaluate(theta, gradientsOut[0]);
            }
        };
    }
}
