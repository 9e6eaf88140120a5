package dev.lantern.app.lab;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.ParameterLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each edge of a dense network carries in one state (issue 10, point 6, as the lab draws it): the edge
 * from neuron {@code i} of a layer to neuron {@code j} of the layer that reads it carries {@code a_i(s) W_ij}, the
 * activation times the weight, the term it adds to {@code j}'s pre-activation. The edges into a layer are pruned to
 * the strongest that together explain a chosen share of {@code sum |a_i W_ij|} (and at most a chosen count), with
 * the share kept reported.
 *
 * <p>The weights come from the seam's flat parameter vector and its {@link ParameterLayout}, the activations from an
 * {@link dev.lantern.analysis.circuits.ActivationAtlas}. Each torso layer reads the layer before it (the first reads
 * the input); each head reads the last torso layer. When {@code analysis.circuits.CircuitGraph} lands, this class is
 * the one to replace. Immutable.
 */
public final class Contributions {

    /**
     * One edge and what it carries in the state.
     *
     * @param from         the neuron's index in the layer read
     * @param to           the neuron's index in the reading layer
     * @param contribution {@code a_from(s) W_from,to}
     */
    public record Edge(int from, int to, double contribution) {
    }

    /**
     * The kept edges into one layer.
     *
     * @param site      the reading layer
     * @param input     the layer it reads
     * @param edges     the kept edges, largest |contribution| first
     * @param keptShare the kept edges' share of the summed |contribution| of every edge into the layer (NaN if it is 0)
     * @param edgeCount how many edges go into the layer
     */
    public record Kept(String site, String input, List<Edge> edges, double keptShare, int edgeCount) {

        public Kept {
            edges = List.copyOf(edges);
        }
    }

    private final ParameterLayout layout;
    private final double[] parameters;
    private final Map<String, String> inputs = new LinkedHashMap<>();

    /**
     * The edges of {@code layout}'s layers with {@code parameters}.
     *
     * @param heads the layers that are heads (they read the last layer that is not a head)
     * @throws IllegalArgumentException if a layer's input width is not the width of the layer it is taken to read
     */
    public Contributions(ParameterLayout layout, double[] parameters, Collection<String> heads) {
        if (parameters.length != layout.size()) {
            throw new IllegalArgumentException(parameters.length + " parameters for a layout of " + layout.size());
        }
        this.layout = layout;
        this.parameters = parameters.clone();
        String previous = InspectableNetwork.INPUT;
        int previousWidth = -1;
        for (ParameterLayout.Block b : layout.layers()) {
            if (previousWidth >= 0 && b.nIn() != previousWidth) {
                throw new IllegalArgumentException(b.name() + " reads " + b.nIn() + " values, " + previous + " has "
                        + previousWidth);
            }
            inputs.put(b.name(), previous);
            if (!heads.contains(b.name())) {
                previous = b.name();
                previousWidth = b.nOut();
            }
        }
    }

    /** Contributions of the seam's own parameters and layout. */
    public static Contributions of(InspectableNetwork net) {
        return new Contributions(net.layout(), net.parameters(),
                net.heads().stream().map(dev.lantern.agents.api.Site::name).toList());
    }

    /** The layers with weights, in the parameter layout's order. */
    public List<String> layers() {
        return layout.names();
    }

    /** The site {@code layer} reads ({@code obs} for the first). */
    public String inputOf(String layer) {
        String in = inputs.get(layer);
        if (in == null) {
            throw new IllegalArgumentException("no layer " + layer + " (layers: " + layers() + ")");
        }
        return in;
    }

    /** The weight from neuron {@code i} of {@code layer}'s input to its neuron {@code j}. */
    public double weight(String layer, int i, int j) {
        return parameters[layout.block(layer).weightIndex(i, j)];
    }

    /**
     * The strongest edges into {@code layer} given its input's activations in one state.
     *
     * @param input    the activations of {@link #inputOf}{@code (layer)} in the state, {@code [nIn]}
     * @param share    the share of the summed |contribution| to explain, in (0, 1]
     * @param maxEdges at most this many edges are kept, {@code >= 1}
     */
    public Kept strongestInto(String layer, double[] input, double share, int maxEdges) {
        ParameterLayout.Block b = layout.block(layer);
        if (input.length != b.nIn()) {
            throw new IllegalArgumentException(layer + " reads " + b.nIn() + " values, got " + input.length);
        }
        if (!(share > 0 && share <= 1) || maxEdges < 1) {
            throw new IllegalArgumentException("need share in (0, 1] and maxEdges >= 1, got " + share + " and "
                    + maxEdges);
        }
        // the largest maxEdges |contribution|, largest first, ties in (j, i) order: a bounded insertion into primitive
        // arrays (the FX thread calls this at every redraw; boxing and sorting every edge took most of its time)
        int[] topFrom = new int[maxEdges];
        int[] topTo = new int[maxEdges];
        double[] topC = new double[maxEdges];
        int n = 0;
        double total = 0;
        for (int j = 0; j < b.nOut(); j++) {
            for (int i = 0; i < b.nIn(); i++) {
                double c = input[i] * parameters[b.weightIndex(i, j)];
                double a = Math.abs(c);
                total += a;
                if (c == 0 || n == maxEdges && a <= Math.abs(topC[n - 1])) {
                    continue;
                }
                int at = n == maxEdges ? n - 1 : n++;
                while (at > 0 && Math.abs(topC[at - 1]) < a) {
                    topFrom[at] = topFrom[at - 1];
                    topTo[at] = topTo[at - 1];
                    topC[at] = topC[at - 1];
                    at--;
                }
                topFrom[at] = i;
                topTo[at] = j;
                topC[at] = c;
            }
        }
        List<Edge> kept = new ArrayList<>();
        double sum = 0;
        for (int k = 0; k < n && sum < share * total; k++) {
            kept.add(new Edge(topFrom[k], topTo[k], topC[k]));
            sum += Math.abs(topC[k]);
        }
        return new Kept(layer, inputs.get(layer), kept, total == 0 ? Double.NaN : sum / total, b.nIn() * b.nOut());
    }

    @Override
    public String toString() {
        return "Contributions" + Arrays.toString(layers().toArray());
    }
}
