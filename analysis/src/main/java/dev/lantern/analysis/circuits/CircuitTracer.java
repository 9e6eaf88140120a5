package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Gradients;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Recording;
import dev.lantern.environments.grid.GridWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds {@link CircuitGraph}s of one network to one head again and again (a lab drawing one state per frame): the
 * weights are read once, here (a copy, through {@link InspectableNetwork#parameters()}), so each graph costs only its
 * forward pass (or none, from an atlas), the edge weights of its states and the pruning. The network must not change
 * while a tracer is used (a snapshot's copy does not); like the seam, a tracer is for one thread.
 *
 * <pre>{@code
 * CircuitTracer tracer = new CircuitTracer(snapshotNet, world, "policy.logits");   // once per snapshot
 * CircuitGraph g = tracer.decision(observation, action, 0.8, EdgeWeighting.DIRECT); // per frame
 * }</pre>
 */
public final class CircuitTracer {

    private final InspectableNetwork network;
    private final InputNodes inputs;
    private final NetworkChain chain;
    private final String head;

    /**
     * A tracer of {@code network}'s chain to {@code head} ({@code policy.logits}, {@code value.out},
     * {@code q.values}), its input nodes those of {@code world}'s observation.
     *
     * @throws IllegalArgumentException if {@code head} is not a head or the layers are not a chain
     */
    public CircuitTracer(InspectableNetwork network, GridWorld world, String head) {
        this(network, InputNodes.of(world), head);
    }

    CircuitTracer(InspectableNetwork network, InputNodes inputs, String head) {
        this.network = network;
        this.inputs = inputs;
        this.chain = NetworkChain.to(network, head);
        this.head = head;
    }

    /**
     * The graph of neuron {@code neuron} of the head at state number {@code state} of the atlas (recorded from this
     * tracer's network), its activations read from the atlas.
     */
    public CircuitGraph decision(ActivationAtlas atlas, int state, int neuron, double share, EdgeWeighting weighting) {
        checkNeuron(neuron);
        double[] obs = atlas.states().observation(state);
        double[][] acts = new double[chain.layers().size()][];
        for (int t = 0; t < acts.length; t++) {
            acts[t] = atlas.activations(chain.layers().get(t).site()).row(state);
        }
        ContributionSums sums = new ContributionSums(chain, inputs);
        sums.add(obs, acts, weighting == EdgeWeighting.GRADIENT ? gradients(obs, 1, neuron, 0) : null, neuron);
        return CircuitPruner.prune(sums, chain, inputs, List.of(neuron), share, weighting, label(neuron));
    }

    /** The graph of neuron {@code neuron} of the head for one observation ({@code [inputSize]}), from one pass. */
    public CircuitGraph decision(double[] obs, int neuron, double share, EdgeWeighting weighting) {
        checkNeuron(neuron);
        if (obs.length != inputs.features()) {
            throw new IllegalArgumentException("an observation of " + obs.length + " values; the network reads "
                    + inputs.features());
        }
        List<String> sites = new ArrayList<>();
        chain.layers().forEach(l -> sites.add(l.site()));
        Recording r = network.run(obs, 1, sites, List.of());
        ContributionSums sums = new ContributionSums(chain, inputs);
        sums.add(obs, activations(r, 0), weighting == EdgeWeighting.GRADIENT ? gradients(obs, 1, neuron, 0) : null,
                neuron);
        return CircuitPruner.prune(sums, chain, inputs, List.of(neuron), share, weighting, label(neuron));
    }

    /**
     * The graph averaged over the atlas's decision states, state {@code s} reading neuron {@code outputs[s]} of the
     * head ({@code [states]}; entries of other states are ignored).
     */
    public CircuitGraph global(ActivationAtlas atlas, int[] outputs, double share, EdgeWeighting weighting) {
        boolean[] decides = atlas.states().decisionStates();
        TreeSet<Integer> chosen = new TreeSet<>();
        for (int s = 0; s < decides.length; s++) {
            if (decides[s]) {
                checkNeuron(outputs[s]);
                chosen.add(outputs[s]);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no state of " + atlas.states().world().spec().id()
                    + " is a decision state");
        }
        int n = atlas.states().size();
        double[][][] gradByOutput = new double[chain.head().nOut()][][];
        if (weighting == EdgeWeighting.GRADIENT) {
            double[] padded = ActivationAtlas.paddedObservations(atlas.states());
            for (int o : chosen) {
                gradByOutput[o] = batchGradients(padded, ActivationAtlas.padded(n), o);
            }
        }
        ContributionSums sums = new ContributionSums(chain, inputs);
        for (int s = 0; s < n; s++) {
            if (!decides[s]) {
                continue;
            }
            double[][] acts = new double[chain.layers().size()][];
            for (int t = 0; t < acts.length; t++) {
                acts[t] = atlas.activations(chain.layers().get(t).site()).row(s);
            }
            double[][] grad = null;
            if (weighting == EdgeWeighting.GRADIENT) {
                grad = new double[chain.layers().size()][];
                for (int t = 0; t < grad.length; t++) {
                    grad[t] = row(gradByOutput[outputs[s]][t], s, chain.layers().get(t).nOut());
                }
            }
            sums.add(atlas.states().observation(s), acts, grad, outputs[s]);
        }
        String label = chosen.size() == 1 ? label(chosen.first()) : head + " (greedy)";
        return CircuitPruner.prune(sums, chain, inputs, List.copyOf(chosen), share, weighting, label);
    }

    private double[][] activations(Recording r, int b) {
        double[][] acts = new double[chain.layers().size()][];
        for (int t = 0; t < acts.length; t++) {
            acts[t] = r.get(chain.layers().get(t).site()).row(b);
        }
        return acts;
    }

    /** {@code dF/dz} at every layer's pre-activation for example {@code b} of a one-example pass. */
    private double[][] gradients(double[] obs, int batch, int neuron, int b) {
        double[][] all = batchGradients(obs, batch, neuron);
        double[][] out = new double[all.length][];
        for (int t = 0; t < all.length; t++) {
            out[t] = row(all[t], b, chain.layers().get(t).nOut());
        }
        return out;
    }

    /** {@code dF/dz} at every layer's pre-activation over a batch, {@code [layer][batch * nOut]}. */
    private double[][] batchGradients(double[] obs, int batch, int neuron) {
        List<String> pre = chain.layers().stream().map(NetworkChain.Layer::pre).toList();
        Gradients g = network.gradients(obs, batch, new Readout(head, neuron), pre, List.of());
        double[][] out = new double[pre.size()][];
        for (int t = 0; t < out.length; t++) {
            out[t] = g.get(pre.get(t)).values();
        }
        return out;
    }

    private static double[] row(double[] values, int b, int width) {
        double[] r = new double[width];
        System.arraycopy(values, b * width, r, 0, width);
        return r;
    }

    private void checkNeuron(int neuron) {
        if (neuron < 0 || neuron >= chain.head().nOut()) {
            throw new IllegalArgumentException("output " + neuron + " outside [0, " + chain.head().nOut() + ") of "
                    + head);
        }
    }

    private String label(int neuron) {
        return head + " #" + neuron;
    }
}
