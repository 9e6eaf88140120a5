package dev.lantern.analysis.attribution;

import dev.lantern.agents.api.Gradients;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Intervention;
import dev.lantern.agents.api.Readout;
import dev.lantern.analysis.circuits.ActivationAtlas;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link AttributedOutput} and its gradient with respect to one site, per example of a batch, through the seam.
 *
 * <p>Every pass is padded to a multiple of {@link ActivationAtlas#BLOCK} examples (the last one repeated, the padding
 * dropped): ND4J's CPU matrix product computes the rows of a partial block in another order (about one float ulp),
 * and with the padding an example's output and gradient are, bit for bit, the same whatever else is in the batch, so
 * integrated gradients over many states at once equal each state's own run.
 */
final class OutputGradients {

    /** Passes are padded to a multiple of this many examples. */
    static final int BLOCK = ActivationAtlas.BLOCK;

    private final InspectableNetwork net;

    OutputGradients(InspectableNetwork net) {
        this.net = net;
    }

    /** The output at every example and its gradient, {@code [batch]} and {@code [batch * width(site)]}. */
    record Path(double[] values, double[] gradients) {
    }

    /** {@code n} rounded up to a multiple of {@link #BLOCK}. */
    static int padded(int n) {
        return (n + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** F at every example of a batch (one forward pass, padded). */
    double[] outputs(double[] observations, int batch, AttributedOutput output) {
        int width = net.site(output.site()).width();
        int padded = padded(batch);
        double[] site = net.run(pad(observations, batch, padded), padded, List.of(output.site()), List.of())
                .get(output.site()).values();
        double[] f = new double[batch];
        for (int b = 0; b < batch; b++) {
            f[b] = read(output, site, b * width, width);
        }
        return f;
    }

    /**
     * The output and its gradient with respect to {@code site} at every example, through {@code interventions}; with
     * interventions the batch must already be a multiple of {@link #BLOCK} (their values are per example).
     */
    Path evaluate(double[] observations, int batch, AttributedOutput output, String site,
            List<Intervention> interventions) {
        int padded = padded(batch);
        if (padded != batch && !interventions.isEmpty()) {
            throw new IllegalArgumentException("a batch with interventions must be a multiple of " + BLOCK + ", got "
                    + batch);
        }
        double[] obs = pad(observations, batch, padded);
        int n = net.site(site).width();
        int width = net.site(output.site()).width();
        if (output.neuron() >= width) {
            throw new IllegalArgumentException("site " + output.site() + " has " + width + " neurons, got "
                    + output.neuron());
        }
        if (output.kind() == AttributedOutput.Kind.GREEDY) {
            throw new IllegalStateException(output + " must be resolved to its neuron first");
        }
        if (output.kind() == AttributedOutput.Kind.NEURON) {
            Gradients g = net.gradients(obs, padded, output.readout(), List.of(site), interventions);
            double[] f = new double[batch];
            for (int b = 0; b < batch; b++) {
                f[b] = g.forward().get(output.site()).get(b, output.neuron());
            }
            return new Path(f, Arrays.copyOf(g.get(site).values(), batch * n));
        }
        double[][] neuronGradients = new double[width][];
        double[] z = null;
        for (int k = 0; k < width; k++) {
            Gradients g = net.gradients(obs, padded, new Readout(output.site(), k), List.of(site), interventions);
            neuronGradients[k] = g.get(site).values();
            if (z == null) {
                z = g.forward().get(output.site()).values();
            }
        }
        double[] f = new double[batch];
        double[] gradients = new double[batch * n];
        for (int b = 0; b < batch; b++) {
            f[b] = read(output, z, b * width, width);
            if (output.kind() == AttributedOutput.Kind.MAX) {
                System.arraycopy(neuronGradients[argmax(z, b * width, width)], b * n, gradients, b * n, n);
                continue;
            }
            // p_a = softmax(z)_a: dp_a/dx = p_a (dz_a/dx - sum_k p_k dz_k/dx)
            double[] p = softmax(z, b * width, width);
            double pa = p[output.neuron()];
            for (int i = 0; i < n; i++) {
                double mean = 0;
                for (int k = 0; k < width; k++) {
                    mean += p[k] * neuronGradients[k][b * n + i];
                }
                gradients[b * n + i] = pa * (neuronGradients[output.neuron()][b * n + i] - mean);
            }
        }
        return new Path(f, gradients);
    }

    /** The largest neuron of {@code site} at every example (lowest index in ties), {@code [batch]}. */
    int[] argmax(double[] observations, int batch, String site) {
        int width = net.site(site).width();
        int padded = padded(batch);
        double[] z = net.run(pad(observations, batch, padded), padded, List.of(site), List.of()).get(site).values();
        int[] best = new int[batch];
        for (int b = 0; b < batch; b++) {
            best[b] = argmax(z, b * width, width);
        }
        return best;
    }

    private double[] pad(double[] observations, int batch, int padded) {
        int in = net.inputSize();
        if (observations.length != batch * in) {
            throw new IllegalArgumentException("expected " + batch + " x " + in + " observation values, got "
                    + observations.length);
        }
        if (padded == batch) {
            return observations;
        }
        double[] obs = Arrays.copyOf(observations, padded * in);
        for (int b = batch; b < padded; b++) {
            System.arraycopy(observations, (batch - 1) * in, obs, b * in, in);
        }
        return obs;
    }

    private static double read(AttributedOutput output, double[] z, int from, int width) {
        return switch (output.kind()) {
            case NEURON -> z[from + output.neuron()];
            case PROBABILITY -> softmax(z, from, width)[output.neuron()];
            case MAX -> z[from + argmax(z, from, width)];
            case GREEDY -> throw new IllegalStateException(output + " must be resolved to its neuron first");
        };
    }

    private static int argmax(double[] z, int from, int width) {
        int best = 0;
        for (int k = 1; k < width; k++) {
            if (z[from + k] > z[from + best]) {
                best = k;
            }
        }
        return best;
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
