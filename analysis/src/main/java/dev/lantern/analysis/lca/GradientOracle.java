package dev.lantern.analysis.lca;

/** A differentiable scalar function of a flat parameter vector, evaluated in double precision. */
@FunctionalInterface
public interface GradientOracle {

    /**
     * Evaluates the function at {@code theta}.
     *
     * @param theta       the point, {@code [n]}
     * @param gradientOut receives the gradient at {@code theta}, {@code [n]}
     * @return the function's value
     */
    double evaluate(double[] theta, double[] gradientOut);
}
