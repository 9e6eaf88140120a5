package dev.lantern.agents.api;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;

/**
 * Where each dense layer's parameters sit in the flat parameter vector, so that per-parameter quantities (gradients,
 * allocations) can be summed per layer and per neuron.
 *
 * <p>DL4J's layout for a dense layer with {@code nIn} inputs and {@code nOut} neurons: the weights {@code W [nIn, nOut]}
 * flattened in column-major order (so neuron {@code j}'s incoming weights are the contiguous run
 * {@code [offset + j nIn, offset + (j + 1) nIn)}), then the biases {@code b [nOut]}.
 *
 * @param layers every parameterized layer, in flat-vector order
 */
public record ParameterLayout(List<Block> layers) {

    /**
     * One dense layer's block.
     *
     * @param name   site name, e.g. {@code torso.dense0}
     * @param offset index of its first parameter in the flat vector
     * @param nIn    inputs per neuron
     * @param nOut   neurons
     */
    public record Block(String name, int offset, int nIn, int nOut) {

        /** Parameters in the block: {@code nIn nOut + nOut}. */
        public int size() {
            return nIn * nOut + nOut;
        }

        /** Flat index of the weight from input {@code i} to neuron {@code j}. */
        public int weightIndex(int i, int j) {
            return offset + j * nIn + i;
        }

        /** Flat index of neuron {@code j}'s bias. */
        public int biasIndex(int j) {
            return offset + nIn * nOut + j;
        }
    }

    public ParameterLayout {
        layers = List.copyOf(layers);
    }

    /** Reads the layout of a graph of dense layers. */
    public static ParameterLayout of(ComputationGraph graph) {
        List<Block> blocks = new ArrayList<>();
        int offset = 0;
        GraphVertex[] vertices = graph.getVertices();
        for (int index : graph.topologicalSortOrder()) {
            GraphVertex v = vertices[index];
            if (!v.hasLayer() || v.getLayer().numParams() == 0) {
                continue;
            }
            Layer layer = v.getLayer();
            int nIn = (int) layer.getParam("W").size(0);
            int nOut = (int) layer.getParam("W").size(1);
            blocks.add(new Block(v.getVertexName(), offset, nIn, nOut));
            offset += (int) layer.numParams();
        }
        if (offset != graph.numParams()) {
            throw new IllegalStateException("layout covers " + offset + " parameters, the graph has " + graph.numParams());
        }
        return new ParameterLayout(blocks);
    }

    /** Total number of parameters. */
    public int size() {
        Block last = layers.get(layers.size() - 1);
        return last.offset() + last.size();
    }

    /** The block named {@code name}. */
    public Block block(String name) {
        for (Block b : layers) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no layer " + name + " (layers: " + names() + ")");
    }

    /** Layer names in flat-vector order. */
    public List<String> names() {
        return layers.stream().map(Block::name).toList();
    }

    /** Sums {@code values} (flat, {@code [size]}) per layer, in layer order. */
    public double[] sumPerLayer(double[] values) {
        double[] out = new double[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            Block b = layers.get(l);
            double s = 0;
            for (int i = b.offset(), end = b.offset() + b.size(); i < end; i++) {
                s += values[i];
            }
            out[l] = s;
        }
        return out;
    }

    /** Sums {@code values} per neuron of {@code block}: its incoming weights plus its bias, {@code [nOut]}. */
    public static double[] sumPerNeuron(Block block, double[] values) {
        double[] out = new double[block.nOut()];
        for (int j = 0; j < block.nOut(); j++) {
            double s = values[block.biasIndex(j)];
            int start = block.weightIndex(0, j);
            for (int i = 0; i < block.nIn(); i++) {
                s += values[start + i];
            }
            out[j] = s;
        }
        return out;
    }
}
