package dev.lantern.analysis.attribution;

import dev.lantern.agents.api.Gradients;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Intervention;
import dev.lantern.agents.api.Readout;
import java.util.Arrays;
import java.util.List;

/**
 * Attributes an {@link AttributedOutput} to the input features of one observation through the inspection seam: the
 * gradient, gradient x input, and integrated gradients with its completeness error, also to the neurons of a hidden
 * site. Gradients are the seam's own ({@link InspectableNetwork#gradients}, double precision, on the seam's private
 * copy), so attribution never writes into the network being trained. The integration path of integrated gradients is
 * one batched pass of the seam (for a probability, one per logit of its site). Not thread-safe, like the seam.
 *
 * <pre>{@code
 * Attributor attributor = new Attributor(snapshot.inspect());
 * Attribution ig = attributor.integratedGradients(obs, new double[obs.length],
 *         AttributedOutput.of(new Readout("value.out", 0)), Attributor.DEFAULT_STEPS);
 * double[] perCell = Attributor.perCell(ig.values(), channels); // [height * width]
 * }</pre>
 */
public final class Attributor {

    /** Integration steps of integrated gradients by default. */
    public static final int DEFAULT_STEPS = 64;

    /**
     * Below this {@code |F(x) - F(baseline)|} the completeness error is undefined ({@code NaN}): the output does not
     * move between the baseline and the observation, so there is nothing for the attributions to add up to.
     */
    public static final double COMPLETENESS_EPSILON = 1e-9;

    private final InspectableNetwork net;

    /** Attribution through {@code net} (a snapshot's seam). */
    public Attributor(InspectableNetwork net) {
        if (net == null) {
            throw new IllegalArgumentException("an attributor needs a network, got null");
        }
        this.net = net;
    }

    /** dF/dx_i at {@code observation} ({@code [inputSize]}). */
    public Attribution gradient(double[] observation, AttributedOutput output) {
        checkObservation("observation", observation);
        Path at = evaluate(observation, 1, output);
        return new Attribution(Attribution.Method.GRADIENT, output, InspectableNetwork.INPUT, at.gradients, at.values[0], Double.NaN, 0,
                Double.NaN);
    }

    /** x_i dF/dx_i at {@code observation} ({@code [inputSize]}). */
    public Attribution gradientTimesInput(double[] observation, AttributedOutput output) {
        checkObservation("observation", observation);
        Path at = evaluate(observation, 1, output);
        double[] values = new double[observation.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = observation[i] * at.gradients[i];
        }
        return new Attribution(Attribution.Method.GRADIENT_X_INPUT, output, InspectableNetwork.INPUT, values, at.values[0], Double.NaN, 0,
                Double.NaN);
    }

    /**
     * Integrated gradients from {@code baseline} to {@code observation}: {@code (x_i - b_i)} times the path integral
     * of dF/dx_i over {@code b + alpha (x - b)}, alpha in [0, 1], on the {@code steps + 1} points
     * {@code alpha = k / steps}, all in one batch: by composite Simpson's rule when {@code steps} is even (the
     * default 64; error O(1/steps^4) for a smooth network), by the trapezoid rule when it is odd (O(1/steps^2)).
     * Both are exact for a network linear in its input. F(x) and F(baseline) come from the same pass (its end points), so the completeness
     * error measures the integration alone.
     *
     * @param observation x, {@code [inputSize]}
     * @param baseline    b, {@code [inputSize]}: zeros ({@link #zeros}), or an observation of the same map without
     *                    the agent, or of the empty map
     * @param steps       intervals of the integration, {@code >= 1} ({@link #DEFAULT_STEPS})
     */
    public Attribution integratedGradients(double[] observation, double[] baseline, AttributedOutput output,
            int steps) {
        checkObservation("observation", observation);
        checkObservation("baseline", baseline);
        if (steps < 1) {
            throw new IllegalArgumentException("integrated gradients need steps >= 1, got " + steps);
        }
        int n = observation.length;
        int points = steps + 1;
        double[] path = new double[points * n];
        for (int k = 0; k < points; k++) {
            double alpha = (double) k / steps;
            for (int i = 0; i < n; i++) {
                // the end points exactly: alpha = 1 gives x itself, not b + 1.0 (x - b) rounded
                path[k * n + i] = k == steps ? observation[i] : baseline[i] + alpha * (observation[i] - baseline[i]);
            }
        }
        return integrate(InspectableNetwork.INPUT, output, evaluate(path, points, output), observation, baseline,
                steps);
    }

    /**
     * Integrated gradients to the neurons of a hidden {@code site} (layer integrated gradients): the site's
     * activations are moved on the straight path from their value at {@code baseline} to their value at
     * {@code observation} (a {@link Intervention#replace} of the whole site, the observation's own pass otherwise),
     * and each neuron gets {@code (a_j(x) - a_j(b))} times the mean of dF/da_j on that path, by the same rule as
     * {@link #integratedGradients}. Every path from the input to the heads goes through a torso layer, so the
     * neurons' attributions add up to F(x) - F(baseline) as the input's do; the completeness error says how well.
     *
     * @param site a site before the output's site, e.g. {@code torso.dense1}
     */
    public Attribution neuronIntegratedGradients(double[] observation, double[] baseline, String site,
            AttributedOutput output, int steps) {
        checkObservation("observation", observation);
        checkObservation("baseline", baseline);
        if (steps < 1) {
            throw new IllegalArgumentException("integrated gradients need steps >= 1, got " + steps);
        }
        int width = net.site(site).width();
        double[] both = new double[2 * observation.length];
        System.arraycopy(baseline, 0, both, 0, baseline.length);
        System.arraycopy(observation, 0, both, observation.length, observation.length);
        double[] ends = net.run(both, 2, List.of(site), List.of()).get(site).values();
        double[] from = Arrays.copyOfRange(ends, 0, width);
        double[] to = Arrays.copyOfRange(ends, width, 2 * width);
        int points = steps + 1;
        double[] path = new double[points * width];
        double[] inputs = new double[points * observation.length];
        for (int k = 0; k < points; k++) {
            double alpha = (double) k / steps;
            for (int j = 0; j < width; j++) {
                path[k * width + j] = k == steps ? to[j] : from[j] + alpha * (to[j] - from[j]);
            }
            System.arraycopy(observation, 0, inputs, k * observation.length, observation.length);
        }
        int[] all = new int[width];
        for (int j = 0; j < width; j++) {
            all[j] = j;
        }
        Path along = evaluate(inputs, points, output, site, List.of(Intervention.replace(site, all, path)));
        return integrate(site, output, along, to, from, steps);
    }

    /** (x - b) times the quadrature of the path's gradients, with F at the ends and the completeness error. */
    private static Attribution integrate(String site, AttributedOutput output, Path along, double[] x, double[] b,
            int steps) {
        int n = x.length;
        double[] values = new double[n];
        for (int k = 0; k <= steps; k++) {
            double weight = weight(k, steps);
            for (int i = 0; i < n; i++) {
                values[i] += weight * along.gradients[k * n + i];
            }
        }
        for (int i = 0; i < n; i++) {
            values[i] *= x[i] - b[i];
        }
        double fx = along.values[steps];
        double fb = along.values[0];
        double delta = fx - fb;
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double error = Math.abs(delta) < COMPLETENESS_EPSILON ? Double.NaN : Math.abs(sum - delta) / Math.abs(delta);
        return new Attribution(Attribution.Method.INTEGRATED_GRADIENTS, output, site, values, fx, fb, steps, error);
    }

    /** The quadrature weight of point {@code k} of {@code steps + 1}: Simpson's for even steps, else trapezoid. */
    static double weight(int k, int steps) {
        if (steps % 2 == 0) {
            return (k == 0 || k == steps ? 1.0 : k % 2 == 1 ? 4.0 : 2.0) / (3.0 * steps);
        }
        return (k == 0 || k == steps ? 0.5 : 1.0) / steps;
    }

    /**
     * Occlusion of one grid cell of a one-hot observation ({@code [channels, cells]} planes, feature
     * {@code channel * cells + cell}): the cell's values in every channel replaced by {@code replacement}
     * ({@code [channels]}, e.g. the one-hot of floor or of wall).
     *
     * @return F(x) - F(x with the cell occluded): how much the output owes to what is in the cell
     */
    public double occlusion(double[] observation, AttributedOutput output, int channels, int cell,
            double[] replacement) {
        checkObservation("observation", observation);
        int cells = cellsOf(observation.length, channels);
        if (cell < 0 || cell >= cells) {
            throw new IllegalArgumentException("cell must be in [0, " + cells + "), got " + cell);
        }
        if (replacement.length != channels) {
            throw new IllegalArgumentException("the replacement needs one value per channel (" + channels + "), got "
                    + replacement.length);
        }
        double[] both = new double[2 * observation.length];
        System.arraycopy(observation, 0, both, 0, observation.length);
        System.arraycopy(observation, 0, both, observation.length, observation.length);
        for (int c = 0; c < channels; c++) {
            both[observation.length + c * cells + cell] = replacement[c];
        }
        double[] f = outputs(both, 2, output);
        return f[0] - f[1];
    }

    /**
     * One value per grid cell from a one-hot observation's attribution ({@code [channels, cells]} planes, feature
     * {@code channel * cells + cell}): the sum over the channels, so the cells' values add up to the attribution's sum.
     */
    public static double[] perCell(double[] values, int channels) {
        int cells = cellsOf(values.length, channels);
        double[] perCell = new double[cells];
        for (int c = 0; c < channels; c++) {
            for (int cell = 0; cell < cells; cell++) {
                perCell[cell] += values[c * cells + cell];
            }
        }
        return perCell;
    }

    /** The all-zero baseline for this network's input, {@code [inputSize]}. */
    public double[] zeros() {
        return new double[net.inputSize()];
    }

    private static int cellsOf(int features, int channels) {
        if (channels < 1 || features % channels != 0) {
            throw new IllegalArgumentException(features + " features are not " + channels + " equal planes");
        }
        return features / channels;
    }

    private void checkObservation(String what, double[] observation) {
        if (observation == null || observation.length != net.inputSize()) {
            throw new IllegalArgumentException("the " + what + " needs " + net.inputSize() + " features, got "
                    + (observation == null ? "null" : observation.length));
        }
    }

    /** The output and its input gradient at every example of a batch. */
    private record Path(double[] values, double[] gradients) {
    }

    /** F at every example of a batch (one forward pass). */
    private double[] outputs(double[] observations, int batch, AttributedOutput output) {
        Readout r = output.readout();
        double[] site = net.run(observations, batch, List.of(r.site()), List.of()).get(r.site()).values();
        int width = net.site(r.site()).width();
        double[] f = new double[batch];
        for (int b = 0; b < batch; b++) {
            f[b] = output.probability() ? softmax(site, b * width, width)[r.neuron()] : site[b * width + r.neuron()];
        }
        return f;
    }

    private Path evaluate(double[] observations, int batch, AttributedOutput output) {
        return evaluate(observations, batch, output, InspectableNetwork.INPUT, List.of());
    }

    /** The output and its gradient with respect to {@code site} at every example, through {@code interventions}. */
    private Path evaluate(double[] observations, int batch, AttributedOutput output, String site,
            List<Intervention> interventions) {
        Readout r = output.readout();
        int n = net.site(site).width();
        if (!output.probability()) {
            Gradients g = net.gradients(observations, batch, r, List.of(site), interventions);
            double[] f = new double[batch];
            for (int b = 0; b < batch; b++) {
                f[b] = g.forward().get(r.site()).get(b, r.neuron());
            }
            return new Path(f, g.get(site).values());
        }
        // p_a = softmax(z)_a: dp_a/dx = p_a (dz_a/dx - sum_k p_k dz_k/dx), one seam pass per logit.
        int width = net.site(r.site()).width();
        if (r.neuron() < 0 || r.neuron() >= width) {
            throw new IllegalArgumentException("site " + r.site() + " has " + width + " neurons, got " + r.neuron());
        }
        double[][] logitGradients = new double[width][];
        double[] logits = null;
        for (int k = 0; k < width; k++) {
            Gradients g = net.gradients(observations, batch, new Readout(r.site(), k), List.of(site), interventions);
            logitGradients[k] = g.get(site).values();
            if (logits == null) {
                logits = g.forward().get(r.site()).values();
            }
        }
        double[] f = new double[batch];
        double[] gradients = new double[batch * n];
        for (int b = 0; b < batch; b++) {
            double[] p = softmax(logits, b * width, width);
            f[b] = p[r.neuron()];
            for (int i = 0; i < n; i++) {
                double mean = 0;
                for (int k = 0; k < width; k++) {
                    mean += p[k] * logitGradients[k][b * n + i];
                }
                gradients[b * n + i] = p[r.neuron()] * (logitGradients[r.neuron()][b * n + i] - mean);
            }
        }
        return new Path(f, gradients);
    }

    private static double[] softmax(double[] z, int from, int width) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < width; k++) {
            max = Math.max(max, z[from + k]);
        }
        double[] p = new double[width];
        double sum = 0;
        for (int k = 0; k < width; k++) {
            p[k] = Math.exp(z[from + k] - max);
            sum += p[k];
        }
        for (int k = 0; k < width; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
