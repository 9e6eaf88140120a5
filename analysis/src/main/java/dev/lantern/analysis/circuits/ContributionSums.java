package dev.lantern.analysis.circuits;

import java.util.List;

/**
 * Every edge's weight (see {@link EdgeWeighting}) summed over the states added, and its absolute value summed, for
 * the layers of a {@link NetworkChain}: level 0 is the input nodes, level {@code t + 1} is layer {@code t}. Into the
 * head only the state's chosen output neuron gets edges. Sums are in double, accumulated state by state.
 */
final class ContributionSums {

    private final NetworkChain chain;
    private final InputNodes inputs;
    /** Per transition t (into layer t): {@code [sources * nOut]}, source-major. */
    final double[][] sum;
    final double[][] abs;
    /** Per level: summed node activations. */
    final double[][] activation;
    private final double[] scratch;
    private final boolean[] touched;
    private final int[] touchedList;
    int states;

    ContributionSums(NetworkChain chain, InputNodes inputs) {
        this.chain = chain;
        this.inputs = inputs;
        List<NetworkChain.Layer> layers = chain.layers();
        if (layers.get(0).nIn() != inputs.features()) {
            throw new IllegalArgumentException("the network reads " + layers.get(0).nIn() + " inputs, the observation has "
                    + inputs.features());
        }
        sum = new double[layers.size()][];
        abs = new double[layers.size()][];
        activation = new double[layers.size() + 1][];
        activation[0] = new double[inputs.count()];
        for (int t = 0; t < layers.size(); t++) {
            int sources = t == 0 ? inputs.count() : layers.get(t - 1).nOut();
            sum[t] = new double[sources * layers.get(t).nOut()];
            abs[t] = new double[sources * layers.get(t).nOut()];
            activation[t + 1] = new double[layers.get(t).nOut()];
        }
        scratch = new double[inputs.count() * layers.get(0).nOut()];
        touched = new boolean[inputs.count()];
        touchedList = new int[inputs.count()];
    }

    /** Number of source nodes of transition {@code t}. */
    int sources(int t) {
        return t == 0 ? inputs.count() : chain.layers().get(t - 1).nOut();
    }

    /**
     * Adds one state.
     *
     * @param obs       the observation, {@code [features]}
     * @param acts      each layer's output, {@code acts[t]} of width {@code nOut} of layer {@code t}
     * @param gradPre   {@code dF/dz} at each layer's pre-activation ({@link EdgeWeighting#GRADIENT}), or null
     * @param output    the chosen neuron of the head
     */
    void add(double[] obs, double[][] acts, double[][] gradPre, int output) {
        List<NetworkChain.Layer> layers = chain.layers();
        int last = layers.size() - 1;
        // input nodes: features grouped into nodes, only the nonzero ones
        NetworkChain.Layer first = layers.get(0);
        int nOut = first.nOut();
        int count = 0;
        for (int f = 0; f < obs.length; f++) {
            double x = obs[f];
            if (x == 0) {
                continue;
            }
            int node = inputs.nodeOf(f);
            activation[0][node] += x;
            if (!touched[node]) {
                touched[node] = true;
                touchedList[count++] = node;
            }
            int base = node * nOut;
            for (int j = (last == 0 ? output : 0), end = (last == 0 ? output + 1 : nOut); j < end; j++) {
                scratch[base + j] += x * first.weight(f, j);
            }
        }
        for (int k = 0; k < count; k++) {
            int node = touchedList[k];
            int base = node * nOut;
            for (int j = 0; j < nOut; j++) {
                double c = scratch[base + j] * (gradPre == null ? 1 : gradPre[0][j]);
                sum[0][base + j] += c;
                abs[0][base + j] += Math.abs(c);
                scratch[base + j] = 0;
            }
            touched[node] = false;
        }
        for (int t = 1; t < layers.size(); t++) {
            NetworkChain.Layer layer = layers.get(t);
            double[] a = acts[t - 1];
            int from = t == last ? output : 0;
            int to = t == last ? output + 1 : layer.nOut();
            for (int i = 0; i < layer.nIn(); i++) {
                int base = i * layer.nOut();
                for (int j = from; j < to; j++) {
                    double c = a[i] * layer.weight(i, j) * (gradPre == null ? 1 : gradPre[t][j]);
                    sum[t][base + j] += c;
                    abs[t][base + j] += Math.abs(c);
                }
            }
        }
        for (int t = 0; t < layers.size(); t++) {
            for (int j = 0; j < acts[t].length; j++) {
                activation[t + 1][j] += acts[t][j];
            }
        }
        states++;
    }
}
