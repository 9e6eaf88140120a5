package dev.lantern.analysis.dynamics;

import java.util.EnumMap;
import java.util.Map;

/**
 * The scores along the linear path {@code theta(alpha) = (1 - alpha) theta_A + alpha theta_B} between two networks
 * ({@link ModeConnectivity#curve}): every {@link ConnectivityMetric} at every alpha, the policy KL to each endpoint,
 * and the endpoint self-check.
 *
 * @param alphas         the interpolation weights, ascending, first 0 and last 1
 * @param metrics        each metric's value at each alpha ({@code [alphas]} each; lower is better)
 * @param klToA          mean over decision states of {@code KL(pi_alpha || pi_A)} (NaN for Q-networks)
 * @param klToB          mean over decision states of {@code KL(pi_alpha || pi_B)} (NaN for Q-networks)
 * @param endpointErrorA the largest {@code |head(theta(0)) - head(A)|} over every head, state and output: 0 when
 *                       alpha = 0 reproduces A bit for bit
 * @param endpointErrorB the same at alpha = 1 against B
 * @param qNetwork       whether the networks are Q-networks
 */
public record InterpolationCurve(double[] alphas, Map<ConnectivityMetric, double[]> metrics, double[] klToA,
        double[] klToB, double endpointErrorA, double endpointErrorB, boolean qNetwork) {

    public InterpolationCurve {
        alphas = alphas.clone();
        EnumMap<ConnectivityMetric, double[]> copy = new EnumMap<>(ConnectivityMetric.class);
        metrics.forEach((m, v) -> copy.put(m, v.clone()));
        metrics = copy;
        klToA = klToA.clone();
        klToB = klToB.clone();
    }

    /** Metric {@code m} at every alpha (a copy). */
    public double[] values(ConnectivityMetric m) {
        return metrics.get(m).clone();
    }

    /**
     * The barrier of metric {@code m}: {@code sup_alpha E(alpha) - mean(E(0), E(1))} over the alphas (Frankle et al.
     * 2020's error barrier); every metric is "lower is better", so a barrier above 0 means worse in between (and it is
     * at least {@code |E(0) - E(1)| / 2}, since the sup includes the endpoints). NaN when any value is NaN.
     */
    public double barrier(ConnectivityMetric m) {
        return barrier(metrics.get(m));
    }

    /** {@code max(curve) - (curve[0] + curve[last]) / 2}; NaN when any entry is NaN. */
    public static double barrier(double[] curve) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : curve) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, v);
        }
        return max - (curve[0] + curve[curve.length - 1]) / 2;
    }

    /** The larger of the two endpoint self-check errors. */
    public double endpointError() {
        return Math.max(endpointErrorA, endpointErrorB);
    }
}
