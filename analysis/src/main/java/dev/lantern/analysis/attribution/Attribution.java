package dev.lantern.analysis.attribution;

/**
 * One attribution of an output to the input features (or a hidden site's neurons) of one observation, with what
 * is needed to judge it.
 *
 * @param method             how it was computed
 * @param output             what was attributed
 * @param site               what the values are over: {@code obs} (one value per input feature) or a hidden site
 *                           (one value per neuron)
 * @param values             one value per feature or neuron of {@code site}, {@code [width]}
 * @param outputValue        F(x), the output at the observation
 * @param baselineValue      F(baseline) for integrated gradients; {@code NaN} for the other methods
 * @param steps              integration steps for integrated gradients; 0 for the other methods
 * @param completenessError  integrated gradients only:
 *                           {@code |sum(values) - (F(x) - F(baseline))| / |F(x) - F(baseline)|}; {@code NaN} for the
 *                           other methods and where {@code |F(x) - F(baseline)| < }
 *                           {@link Attributor#COMPLETENESS_EPSILON} (undefined: nothing to distribute)
 */
public record Attribution(Method method, AttributedOutput output, String site, double[] values, double outputValue,
        double baselineValue, int steps, double completenessError) {

    /** The attribution methods. */
    public enum Method {
        /** dF/dx_i at the observation. */
        GRADIENT,
        /** x_i dF/dx_i at the observation. */
        GRADIENT_X_INPUT,
        /** (x_i - b_i) times the mean of dF/dx_i on the straight path from the baseline b to x. */
        INTEGRATED_GRADIENTS
    }

    public Attribution {
        values = values.clone();
    }

    /** The values (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value of feature {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** Features attributed. */
    public int size() {
        return values.length;
    }

    /** The sum of the values (for integrated gradients, what completeness compares with F(x) - F(baseline)). */
    public double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
