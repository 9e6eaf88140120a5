package dev.lantern.analysis.attribution;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Intervention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Attributes an {@link AttributedOutput} to the input features of observations through the inspection seam: the
 * gradient, gradient x input, and integrated gradients with its completeness error, for one observation or many at
 * once, also to the neurons of a hidden site; and the occlusion of grid cells. Gradients are the seam's own
 * ({@link InspectableNetwork#gradients}, double precision from the pass's values, on the seam's private copy), so
 * attribution never writes into the network being trained. The integration paths of many observations go through the
 * seam in a few large batched passes (for a probability or a max, one per neuron of its site); every pass is padded
 * (see {@link OutputGradients}) so an observation's result is, bit for bit, the same alone or among others. Not
 * thread-safe, like the seam.
 *
 * <pre>{@code
 * Attributor attributor = new Attributor(snapshot.inspect());
 * Attribution ig = attributor.integratedGradients(obs, new double[obs.length],
 *         AttributedOutput.of(new Readout("value.out", 0)), Attributor.DEFAULT_STEPS);
 * double[] perCell = Attributor.perCell(ig.values(), channels); // [height * width]
 * }</pre>
 */
public final class Attributor {

    /** Integration steps (gradient evaluations) of integrated gradients by default. */
    public static final int DEFAULT_STEPS = 64;

    /**
     * Below this {@code |F(x) - F(baseline)|} the completeness error is undefined ({@code NaN}): the output does not
     * move between the baseline and the observation, so there is nothing for the attributions to add up to.
     */
    public static final double COMPLETENESS_EPSILON = 1e-9;

    /** Examples per seam pass at most, when many observations are attributed at once (memory, not speed). */
    static final int MAX_PASS_EXAMPLES = 4096;

    private final InspectableNetwork net;
    private final Quadrature quadrature;
    private final OutputGradients outputs;

    /** Attribution through {@code net} (a snapshot's seam), integrating by {@link Quadrature#GAUSS_LEGENDRE}. */
    public Attributor(InspectableNetwork net) {
        this(net, Quadrature.GAUSS_LEGENDRE);
    }

    /** Attribution through {@code net}, integrated gradients integrating by {@code quadrature}. */
    public Attributor(InspectableNetwork net, Quadrature quadrature) {
        if (net == null || quadrature == null) {
            throw new IllegalArgumentException("an attributor needs a network and a quadrature, got " + net + " and "
                    + quadrature);
        }
        this.net = net;
        this.quadrature = quadrature;
        this.outputs = new OutputGradients(net);
    }

    /** The rule integrated gradients integrate with. */
    public Quadrature quadrature() {
        return quadrature;
    }

    /** dF/dx_i at {@code observation} ({@code [inputSize]}). */
    public Attribution gradient(double[] observation, AttributedOutput output) {
        checkObservation("observation", observation);
        AttributedOutput resolved = resolve(observation, output);
        OutputGradients.Path at = outputs.evaluate(observation, 1, resolved, InspectableNetwork.INPUT, List.of());
        return new Attribution(Attribution.Method.GRADIENT, resolved, InspectableNetwork.INPUT, at.gradients(),
                at.values()[0], Double.NaN, 0, Double.NaN);
    }

    /** x_i dF/dx_i at {@code observation} ({@code [inputSize]}). */
    public Attribution gradientTimesInput(double[] observation, AttributedOutput output) {
        Attribution g = gradient(observation, output);
        double[] values = g.values();
        for (int i = 0; i < values.length; i++) {
            values[i] *= observation[i];
        }
        return new Attribution(Attribution.Method.GRADIENT_X_INPUT, g.output(), InspectableNetwork.INPUT, values,
                g.outputValue(), Double.NaN, 0, Double.NaN);
    }

    /**
     * Integrated gradients from {@code baseline} to {@code observation}: {@code (x_i - b_i)} times the path integral
     * of dF/dx_i over {@code b + alpha (x - b)}, alpha in [0, 1], by this attributor's {@link Quadrature} on
     * {@code steps} gradient evaluations, the whole path in one batch. F(x) and F(baseline) come from the same pass
     * (its end points, computed at x and b exactly), so the completeness error measures the integration alone.
     *
     * @param observation x, {@code [inputSize]}
     * @param baseline    b, {@code [inputSize]}: zeros ({@link #zeros}), or an observation of the same map without
     *                    the agent, or of the empty map ({@link Baselines})
     * @param steps       gradient evaluations of the integration, {@code >= 1} ({@link #DEFAULT_STEPS})
     */
    public Attribution integratedGradients(double[] observation, double[] baseline, AttributedOutput output,
            int steps) {
        return integratedGradients(new double[][] {observation}, new double[][] {baseline}, output, steps).get(0);
    }

    /**
     * Integrated gradients of many observations at once, each from its own baseline: the paths of as many
     * observations as fit {@link #MAX_PASS_EXAMPLES} examples go through one seam pass. Result {@code i} equals, bit
     * for bit, {@code integratedGradients(observations[i], baselines[i], output, steps)} (a test).
     *
     * @param observations x per observation, each {@code [inputSize]}
     * @param baselines    b per observation, as many, each {@code [inputSize]}
     */
    public List<Attribution> integratedGradients(double[][] observations, double[][] baselines,
            AttributedOutput output, int steps) {
        if (observations.length != baselines.length) {
            throw new IllegalArgumentException(observations.length + " observations but " + baselines.length
                    + " baselines");
        }
        Quadrature.Rule rule = quadrature.rule(steps);
        if (output.kind() == AttributedOutput.Kind.GREEDY) {
            return greedy(observations, baselines, output, steps);
        }
        int points = rule.points();
        int n = net.inputSize();
        int perPass = Math.max(1, MAX_PASS_EXAMPLES / points);
        List<Attribution> results = new ArrayList<>(observations.length);
        for (int first = 0; first < observations.length; first += perPass) {
            int count = Math.min(perPass, observations.length - first);
            double[] path = new double[count * points * n];
            for (int s = 0; s < count; s++) {
                double[] x = observations[first + s];
                double[] b = baselines[first + s];
                checkObservation("observation " + (first + s), x);
                checkObservation("baseline " + (first + s), b);
                for (int k = 0; k < points; k++) {
                    double alpha = rule.alphas()[k];
                    int at = (s * points + k) * n;
                    for (int i = 0; i < n; i++) {
                        // the end points exactly: alpha = 1 gives x itself, not b + 1.0 (x - b) rounded
                        path[at + i] = k == points - 1 ? x[i] : b[i] + alpha * (x[i] - b[i]);
                    }
                }
            }
            OutputGradients.Path along = outputs.evaluate(path, count * points, output, InspectableNetwork.INPUT,
                    List.of());
            for (int s = 0; s < count; s++) {
                results.add(integrate(InspectableNetwork.INPUT, output, along, s * points, rule,
                        observations[first + s], baselines[first + s], steps));
            }
        }
        return results;
    }

    /** {@link AttributedOutput.Kind#GREEDY}: the observations grouped by their greedy neuron, each group as usual. */
    private List<Attribution> greedy(double[][] observations, double[][] baselines, AttributedOutput output,
            int steps) {
        int n = net.inputSize();
        double[] all = new double[observations.length * n];
        for (int s = 0; s < observations.length; s++) {
            checkObservation("observation " + s, observations[s]);
            System.arraycopy(observations[s], 0, all, s * n, n);
        }
        int[] best = observations.length == 0 ? new int[0] : outputs.argmax(all, observations.length, output.site());
        Attribution[] results = new Attribution[observations.length];
        for (int neuron = 0; neuron < net.site(output.site()).width(); neuron++) {
            List<Integer> group = new ArrayList<>();
            for (int s = 0; s < best.length; s++) {
                if (best[s] == neuron) {
                    group.add(s);
                }
            }
            double[][] xs = group.stream().map(s -> observations[s]).toArray(double[][]::new);
            double[][] bs = group.stream().map(s -> baselines[s]).toArray(double[][]::new);
            List<Attribution> done = integratedGradients(xs, bs, new AttributedOutput(AttributedOutput.Kind.NEURON,
                    output.site(), neuron), steps);
            for (int g = 0; g < group.size(); g++) {
                results[group.get(g)] = done.get(g);
            }
        }
        return List.of(results);
    }

    /** {@code output} with {@link AttributedOutput.Kind#GREEDY} resolved to its neuron at {@code observation}. */
    private AttributedOutput resolve(double[] observation, AttributedOutput output) {
        if (output.kind() != AttributedOutput.Kind.GREEDY) {
            return output;
        }
        return new AttributedOutput(AttributedOutput.Kind.NEURON, output.site(),
                outputs.argmax(observation, 1, output.site())[0]);
    }

    /**
     * Integrated gradients to the neurons of a hidden {@code site} (layer integrated gradients): the site's
     * activations are moved on the straight path from their value at {@code baseline} to their value at
     * {@code observation} (a {@link Intervention#replace} of the whole site, the observation's own pass otherwise),
     * and each neuron gets {@code (a_j(x) - a_j(b))} times the path integral of dF/da_j, by the same rule as
     * {@link #integratedGradients}. Every path from the input to the heads goes through a torso layer, so the
     * neurons' attributions add up to F(x) - F(baseline) as the input's do; the completeness error says how well.
     *
     * @param site a site before the output's site, e.g. {@code torso.dense1}
     */
    public Attribution neuronIntegratedGradients(double[] observation, double[] baseline, String site,
            AttributedOutput output, int steps) {
        checkObservation("observation", observation);
        checkObservation("baseline", baseline);
        Quadrature.Rule rule = quadrature.rule(steps);
        AttributedOutput resolved = resolve(observation, output);
        int width = net.site(site).width();
        double[] both = new double[2 * observation.length];
        System.arraycopy(baseline, 0, both, 0, baseline.length);
        System.arraycopy(observation, 0, both, observation.length, observation.length);
        int padded = OutputGradients.padded(2);
        double[] ends = net.run(Arrays.copyOf(both, padded * observation.length), padded, List.of(site), List.of())
                .get(site).values();
        double[] from = Arrays.copyOfRange(ends, 0, width);
        double[] to = Arrays.copyOfRange(ends, width, 2 * width);
        int points = OutputGradients.padded(rule.points());
        double[] path = new double[points * width];
        double[] inputs = new double[points * observation.length];
        for (int k = 0; k < points; k++) {
            int on = Math.min(k, rule.points() - 1); // the padding repeats the last point
            double alpha = rule.alphas()[on];
            for (int j = 0; j < width; j++) {
                path[k * width + j] = on == rule.points() - 1 ? to[j] : from[j] + alpha * (to[j] - from[j]);
            }
            System.arraycopy(observation, 0, inputs, k * observation.length, observation.length);
        }
        int[] all = new int[width];
        for (int j = 0; j < width; j++) {
            all[j] = j;
        }
        OutputGradients.Path along = outputs.evaluate(inputs, points, resolved, site,
                List.of(Intervention.replace(site, all, path)));
        return integrate(site, resolved, along, 0, rule, to, from, steps);
    }

    /** (x - b) times the quadrature of the path's gradients from example {@code first} on, F at its ends. */
    private static Attribution integrate(String site, AttributedOutput output, OutputGradients.Path along, int first,
            Quadrature.Rule rule, double[] x, double[] b, int steps) {
        int n = x.length;
        int points = rule.points();
        double[] gradients = along.gradients();
        double[] values = new double[n];
        for (int k = 0; k < points; k++) {
            double weight = rule.weights()[k];
            int at = (first + k) * n;
            for (int i = 0; i < n; i++) {
                values[i] += weight * gradients[at + i];
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            values[i] *= x[i] - b[i];
            sum += values[i];
        }
        double fx = along.values()[first + points - 1];
        double fb = along.values()[first];
        double delta = fx - fb;
        double error = Math.abs(delta) < COMPLETENESS_EPSILON ? Double.NaN : Math.abs(sum - delta) / Math.abs(delta);
        return new Attribution(Attribution.Method.INTEGRATED_GRADIENTS, output, site, values, fx, fb, steps, error);
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
        int cells = cellsOf(observation.length, channels);
        if (cell < 0 || cell >= cells) {
            throw new IllegalArgumentException("cell must be in [0, " + cells + "), got " + cell);
        }
        return occlusion(observation, output, channels, new int[] {cell}, replacement)[0];
    }

    /**
     * Occlusion of every cell of a one-hot observation, one pass: entry {@code c} is F(x) minus F with cell {@code c}
     * replaced by {@code replacement} ({@code [channels]}), {@code [cells]}.
     */
    public double[] occlusionMap(double[] observation, AttributedOutput output, int channels, double[] replacement) {
        int cells = cellsOf(observation.length, channels);
        int[] all = new int[cells];
        for (int c = 0; c < cells; c++) {
            all[c] = c;
        }
        return occlusion(observation, output, channels, all, replacement);
    }

    private double[] occlusion(double[] observation, AttributedOutput output, int channels, int[] occluded,
            double[] replacement) {
        checkObservation("observation", observation);
        int cells = cellsOf(observation.length, channels);
        if (replacement.length != channels) {
            throw new IllegalArgumentException("the replacement needs one value per channel (" + channels + "), got "
                    + replacement.length);
        }
        int n = observation.length;
        double[] batch = new double[(occluded.length + 1) * n];
        for (int e = 0; e <= occluded.length; e++) {
            System.arraycopy(observation, 0, batch, e * n, n);
            if (e > 0) {
                for (int c = 0; c < channels; c++) {
                    batch[e * n + c * cells + occluded[e - 1]] = replacement[c];
                }
            }
        }
        double[] f = outputs.outputs(batch, occluded.length + 1, resolve(observation, output));
        double[] effect = new double[occluded.length];
        for (int e = 0; e < occluded.length; e++) {
            effect[e] = f[0] - f[e + 1];
        }
        return effect;
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
}
