package dev.lantern.analysis.dynamics;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.analysis.circuits.StateBatch;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Linear mode connectivity (Frankle, Dziugaite, Roy and Carbin, "Linear Mode Connectivity and the Lottery Ticket
 * Hypothesis", ICML 2020) for two networks of one architecture: the parameters are interpolated,
 * {@code theta(alpha) = (1 - alpha) theta_A + alpha theta_B}, in double precision and converted to the networks' type,
 * on a private copy ({@link InspectableNetwork#withParameters}; neither input is written), and each point is scored
 * over every state by {@link FixedEvaluation} ({@link ConnectivityMetric}). At {@code alpha = 0} the formula gives
 * {@code theta_A} exactly ({@code 1 x a + 0 x b = a}) and at 1 {@code theta_B}, so the endpoints reproduce the
 * networks bit for bit; the curve says so ({@link InterpolationCurve#endpointErrorA}).
 *
 * <pre>{@code
 * ModeConnectivity lmc = new ModeConnectivity(new FixedEvaluation(StateBatch.of(world), 0.99));
 * InterpolationCurve c = lmc.curve(netA, netB, ModeConnectivity.alphas(ModeConnectivity.DEFAULT_ALPHAS));
 * double barrier = c.barrier(ConnectivityMetric.RETURN_ERROR);
 * }</pre>
 */
public final class ModeConnectivity {

    /** Frankle et al.'s number of evenly spaced alphas. */
    public static final int DEFAULT_ALPHAS = 30;

    private final FixedEvaluation evaluation;

    /** Curves scored by {@code evaluation}. */
    public ModeConnectivity(FixedEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    /** The yardstick. */
    public FixedEvaluation evaluation() {
        return evaluation;
    }

    /**
     * {@code count} evenly spaced alphas from 0 to 1, both included: {@code i / (count - 1)}.
     *
     * @throws IllegalArgumentException if {@code count < 2}
     */
    public static double[] alphas(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("at least 2 alphas (0 and 1), got " + count);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = i / (double) (count - 1);
        }
        return out;
    }

    /** {@code (1 - alpha) a + alpha b}, entry by entry (a new array). */
    public static double[] interpolate(double[] a, double[] b, double alpha) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("parameter vectors of " + a.length + " and " + b.length + " entries");
        }
        double[] out = new double[a.length];
        double keep = 1 - alpha;
        for (int i = 0; i < a.length; i++) {
            out[i] = keep * a[i] + alpha * b[i];
        }
        return out;
    }

    /**
     * The curve from {@code a} ({@code alpha = 0}) to {@code b} ({@code alpha = 1}).
     *
     * @param alphas ascending, first 0 and last 1 (e.g. {@link #alphas(int)})
     * @throws IllegalArgumentException if the networks differ in layout or heads, or the alphas do not run from 0 to 1
     */
    public InterpolationCurve curve(InspectableNetwork a, InspectableNetwork b, double[] alphas) {
        if (!a.layout().equals(b.layout()) || !a.heads().equals(b.heads())) {
            throw new IllegalArgumentException("the networks differ in architecture: layers " + a.layout().names()
                    + " " + a.layout().size() + " parameters, heads " + a.heads() + " vs layers "
                    + b.layout().names() + " " + b.layout().size() + " parameters, heads " + b.heads());
        }
        if (alphas.length < 2 || alphas[0] != 0 || alphas[alphas.length - 1] != 1) {
            throw new IllegalArgumentException("alphas must run from 0 to 1, got " + java.util.Arrays.toString(alphas));
        }
        FixedEvaluation.Scores endA = evaluation.score(a);
        FixedEvaluation.Scores endB = evaluation.score(b);
        double[] pa = a.parameters();
        double[] pb = b.parameters();
        Map<ConnectivityMetric, double[]> metrics = new EnumMap<>(ConnectivityMetric.class);
        for (ConnectivityMetric m : ConnectivityMetric.values()) {
            metrics.put(m, new double[alphas.length]);
        }
        double[] klA = new double[alphas.length];
        double[] klB = new double[alphas.length];
        double errorA = Double.NaN;
        double errorB = Double.NaN;
        for (int i = 0; i < alphas.length; i++) {
            FixedEvaluation.Scores s = evaluation.score(a.withParameters(interpolate(pa, pb, alphas[i])));
            metrics.get(ConnectivityMetric.LOSS)[i] = s.loss();
            metrics.get(ConnectivityMetric.RETURN_ERROR)[i] = 1 - s.normalisedReturn();
            metrics.get(ConnectivityMetric.FAILURE)[i] = 1 - s.success();
            metrics.get(ConnectivityMetric.SUBOPTIMAL)[i] = s.suboptimal();
            klA[i] = s.qNetwork() ? Double.NaN : evaluation.meanKl(s.policy(), endA.policy());
            klB[i] = s.qNetwork() ? Double.NaN : evaluation.meanKl(s.policy(), endB.policy());
            metrics.get(ConnectivityMetric.POLICY_KL)[i] = Math.min(klA[i], klB[i]);
            if (i == 0) {
                errorA = maxDifference(s.heads(), endA.heads());
            }
            if (i == alphas.length - 1) {
                errorB = maxDifference(s.heads(), endB.heads());
            }
        }
        return new InterpolationCurve(alphas, metrics, klA, klB, errorA, errorB, endA.qNetwork());
    }

    /** The largest absolute difference between two recordings of the same heads (0 only when bit for bit equal). */
    static double maxDifference(Map<String, Activations> x, Map<String, Activations> y) {
        double max = 0;
        for (String head : List.copyOf(x.keySet())) {
            double[] u = x.get(head).values();
            double[] v = y.get(head).values();
            for (int i = 0; i < u.length; i++) {
                if (Double.doubleToLongBits(u[i]) != Double.doubleToLongBits(v[i])) {
                    max = Math.max(max, Math.abs(u[i] - v[i]) > 0 ? Math.abs(u[i] - v[i]) : Double.MIN_VALUE);
                }
            }
        }
        return max;
    }
}
