package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.environments.grid.GridWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The circuit graph of a decision (issue 10, point 6): the neurons as nodes, from the input (one node per grid cell,
 * its one-hot planes summed; per egocentric window cell; per symbolic feature) through every hidden layer to the
 * chosen output (an action's logit, the value, a Q-value), and edges weighted by contribution ({@link EdgeWeighting}:
 * {@code a_i W_ij}, or that times {@code dF/dz_j}), pruned backward from the output.
 *
 * <p><b>Pruning</b>, exactly: the output node is kept. For each layer from the head back to the first hidden layer,
 * the candidates are the edges with a nonzero weight into the nodes kept at that layer; they are ranked by
 * {@link CircuitEdge#meanAbs()} (largest first; ties by target, then source index) and kept greedily until the kept
 * ones' summed {@code meanAbs} reaches {@code share} of the candidates' sum ({@code share >= 1} keeps every
 * candidate). The sources of the kept edges are the nodes kept at the layer below. So every kept edge lies on a kept
 * path to the output, a node without a kept edge is dropped, and {@link #layers()} records each layer's kept share.
 * The weights are read through {@link InspectableNetwork#parameters()} and {@link InspectableNetwork#layout()} (a
 * copy) and the activations from an {@link ActivationAtlas} or one {@link InspectableNetwork#run}: nothing is written
 * into the network.
 *
 * <p><b>Global graph</b> ({@link #global}): each edge's weight is averaged over the decision states, the signed mean
 * as {@link CircuitEdge#contribution()} and the mean of the absolute values as {@code meanAbs}, which pruning ranks
 * by, so that an edge pushing one way in some states and the other way in others is not cancelled away. With the
 * greedy action's logit as the output ({@link #globalGreedy}), each state adds to its own greedy action's node (0 to
 * the others), so the head's column has one node per action that is greedy somewhere.
 *
 * <p>Each factory reads the weights anew; a {@link CircuitTracer} reads them once for many graphs (one per frame).
 *
 * <pre>{@code
 * CircuitGraph g = CircuitGraph.decision(atlas, state, new Readout("policy.logits", 2), 0.8);
 * for (CircuitEdge e : g.edges()) { ... e.from().name() ... e.to().name() ... e.contribution() ... }
 * for (LayerShare s : g.layers()) { ... s.keptShare() ... }
 * }</pre>
 */
public final class CircuitGraph {

    /** The share of summed |contribution| kept at each layer by default. */
    public static final double DEFAULT_SHARE = 0.8;

    private final String output;
    private final EdgeWeighting weighting;
    private final double share;
    private final int states;
    private final List<CircuitNode> nodes;
    private final List<CircuitEdge> edges;
    private final List<LayerShare> layers;

    CircuitGraph(String output, EdgeWeighting weighting, double share, int states, List<CircuitNode> nodes,
            List<CircuitEdge> edges, List<LayerShare> layers) {
        this.output = output;
        this.weighting = weighting;
        this.share = share;
        this.states = states;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.layers = List.copyOf(layers);
    }

    /** The graph of state number {@code state} of the atlas's states, edges weighted {@link EdgeWeighting#DIRECT}. */
    public static CircuitGraph decision(ActivationAtlas atlas, int state, Readout readout, double share) {
        return decision(atlas, state, readout, share, EdgeWeighting.DIRECT);
    }

    /** The graph of state number {@code state} of the atlas's states (activations read from the atlas). */
    public static CircuitGraph decision(ActivationAtlas atlas, int state, Readout readout, double share,
            EdgeWeighting weighting) {
        CircuitTracer tracer = new CircuitTracer(atlas.network(), InputNodes.of(atlas.states().world()),
                readout.site());
        return tracer.decision(atlas, state, readout.neuron(), share, weighting);
    }

    /**
     * The graph of one observation of {@code world} (as the agent sees it, {@code [inputSize]}), from one forward pass
     * of {@code network}: for a state not in an atlas, e.g. the lab's current one.
     */
    public static CircuitGraph decision(InspectableNetwork network, GridWorld world, double[] observation,
            Readout readout, double share, EdgeWeighting weighting) {
        return new CircuitTracer(network, InputNodes.of(world), readout.site())
                .decision(observation, readout.neuron(), share, weighting);
    }

    /** The graph of {@code readout} averaged over the atlas's decision states. */
    public static CircuitGraph global(ActivationAtlas atlas, Readout readout, double share, EdgeWeighting weighting) {
        CircuitTracer tracer = new CircuitTracer(atlas.network(), InputNodes.of(atlas.states().world()),
                readout.site());
        int[] outputs = new int[atlas.states().size()];
        java.util.Arrays.fill(outputs, readout.neuron());
        return tracer.global(atlas, outputs, share, weighting);
    }

    /**
     * The graph of each decision state's greedy action (largest entry of {@code head}, lowest index among ties:
     * {@code policy.logits} or {@code q.values}), averaged over the decision states.
     */
    public static CircuitGraph globalGreedy(ActivationAtlas atlas, String head, double share,
            EdgeWeighting weighting) {
        CircuitTracer tracer = new CircuitTracer(atlas.network(), InputNodes.of(atlas.states().world()), head);
        int[] outputs = new int[atlas.states().size()];
        for (int s = 0; s < outputs.length; s++) {
            outputs[s] = NeuronAblation.argmax(atlas.activations(head).row(s));
        }
        return tracer.global(atlas, outputs, share, weighting);
    }

    /** The output read: the head's site, {@code #neuron} for one output. */
    public String output() {
        return output;
    }

    /** How edges are weighted. */
    public EdgeWeighting weighting() {
        return weighting;
    }

    /** The share of summed |contribution| requested at each layer. */
    public double share() {
        return share;
    }

    /** The states averaged over: 1 for a decision graph. */
    public int states() {
        return states;
    }

    /** The kept nodes, by layer, then index. */
    public List<CircuitNode> nodes() {
        return nodes;
    }

    /** The kept edges, by the layer they go into, then by {@code meanAbs}, largest first. */
    public List<CircuitEdge> edges() {
        return edges;
    }

    /** The kept share of each layer, first hidden layer first, the head last. */
    public List<LayerShare> layers() {
        return layers;
    }

    /** The kept nodes of {@code site}. */
    public List<CircuitNode> nodes(String site) {
        return nodes.stream().filter(n -> n.site().equals(site)).toList();
    }

    /** The kept edges into {@code site}. */
    public List<CircuitEdge> edgesInto(String site) {
        return edges.stream().filter(e -> e.to().site().equals(site)).toList();
    }

    /** One line per layer: {@code torso.dense0: kept 31 of 480 edges, 80.4% of sum |c| 12.3}. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (LayerShare s : layers) {
            lines.add(String.format(Locale.ROOT, "%s: kept %d of %d edges, %.1f%% of sum |c| %.4g", s.site(),
                    s.keptEdges(), s.candidateEdges(), 100 * s.keptShare(), s.total()));
        }
        return lines;
    }
}
