package dev.lantern.agents.nn;

import dev.lantern.agents.api.Intervention;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.api.Site;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One dense layer of a graph, split in two so that its pre-activation can be seen and changed: {@code z = x W + b}
 * computed row by row in a fixed order ({@link #preActivation}: a row's bits do not depend on the batch it is in),
 * then the layer's activation function on a copy of {@code z} (DL4J's own). Equal to DL4J's {@code output()} to the
 * type's rounding.
 *
 * @param name     the layer (and its output site)
 * @param input    the site it reads
 * @param layer    the DL4J layer of the private graph
 * @param function its activation function (tanh or identity)
 * @param block    its parameters in the flat vector
 */
record DenseStep(String name, String input, Layer layer, IActivation function, ParameterLayout.Block block) {

    /** The step for layer vertex {@code v} of {@code graph}; only dense tanh or identity layers with one input. */
    static DenseStep of(ComputationGraph graph, GraphVertex v, ParameterLayout.Block block) {
        String name = v.getVertexName();
        List<String> inputs = graph.getConfiguration().getVertexInputs().get(name);
        if (!v.hasLayer() || !(v.getLayer() instanceof BaseLayer<?> base) || inputs.size() != 1) {
            throw new IllegalArgumentException("vertex " + name + " is not a dense layer with one input");
        }
        IActivation function = ((org.deeplearning4j.nn.conf.layers.BaseLayer) base.conf().getLayer()).getActivationFn();
        if (!(function instanceof ActivationTanH) && !(function instanceof ActivationIdentity)) {
            throw new IllegalArgumentException("layer " + name + ": only tanh and identity activations can be inspected, got "
                    + function);
        }
        return new DenseStep(name, inputs.get(0), v.getLayer(), function, block);
    }

    /** True if the activation is the identity (no separate pre-activation site). */
    boolean identity() {
        return function instanceof ActivationIdentity;
    }

    /** The pre-activation's site name. */
    String preSite() {
        return name + Site.PRE;
    }

    /**
     * {@code z = x W + b}, {@code [B, nOut]}, in the layer's type, each row on its own: every {@code z[b, j]} is
     * {@code x[b, 0] W[0, j] + x[b, 1] W[1, j] + ...} summed in that order, then {@code + b[j]}, whatever the batch. A
     * BLAS gemm (DL4J's {@code preOutput}) does not promise that: OpenBLAS's AVX2 kernels (Haswell, Zen) round a row
     * differently by where it falls in the batch, so a state recorded alone and in a batch differed in the last bit,
     * and so did a clean run and a clean-into-clean patch that batches both. The result is DL4J's {@code output()} to
     * the type's rounding (the same products and sum, in an order of its own). Terms with {@code x = 0} are skipped
     * (the weights are finite: they add nothing), which makes one-hot inputs cheap.
     */
    INDArray preActivation(INDArray x) {
        int batch = (int) x.size(0);
        int nIn = block.nIn();
        int nOut = block.nOut();
        if (x.size(1) != nIn) {
            throw new IllegalArgumentException(name + ": expected " + nIn + " inputs, got " + x.size(1));
        }
        INDArray weights = layer.getParam(DefaultParamInitializer.WEIGHT_KEY); // [nIn, nOut]
        INDArray bias = layer.getParam(DefaultParamInitializer.BIAS_KEY);
        if (x.dataType() == DataType.DOUBLE) {
            double[] xs = doublesOf(x);
            double[] w = doublesOf(weights);
            double[] b = doublesOf(bias);
            double[] z = new double[batch * nOut];
            for (int r = 0; r < batch; r++) {
                int row = r * nOut;
                for (int i = 0; i < nIn; i++) {
                    double v = xs[r * nIn + i];
                    if (v != 0) {
                        int wi = i * nOut;
                        for (int j = 0; j < nOut; j++) {
                            z[row + j] += v * w[wi + j];
                        }
                    }
                }
                for (int j = 0; j < nOut; j++) {
                    z[row + j] += b[j];
                }
            }
            INDArray out = Nd4j.createUninitialized(DataType.DOUBLE, batch, nOut);
            out.data().asNioDouble().put(0, z);
            return out;
        }
        float[] xs = floatsOf(x);
        float[] w = floatsOf(weights);
        float[] b = floatsOf(bias);
        float[] z = new float[batch * nOut];
        for (int r = 0; r < batch; r++) {
            int row = r * nOut;
            for (int i = 0; i < nIn; i++) {
                float v = xs[r * nIn + i];
                if (v != 0) {
                    int wi = i * nOut;
                    for (int j = 0; j < nOut; j++) {
                        z[row + j] += v * w[wi + j];
                    }
                }
            }
            for (int j = 0; j < nOut; j++) {
                z[row + j] += b[j];
            }
        }
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, batch, nOut);
        out.data().asNioFloat().put(0, z);
        return x.dataType() == DataType.FLOAT ? out : out.castTo(x.dataType());
    }

    /** {@code a}'s values, row-major, as floats: a native copy read in bulk (element reads cost more than the math). */
    private static float[] floatsOf(INDArray a) {
        INDArray c = a.castTo(DataType.FLOAT).dup('c');
        try {
            float[] out = new float[(int) c.length()];
            c.data().asNioFloat().get(0, out);
            return out;
        } finally {
            NativeMemory.release(c);
        }
    }

    /** {@code a}'s values, row-major, as doubles, read in bulk as {@link #floatsOf}. */
    private static double[] doublesOf(INDArray a) {
        INDArray c = a.dup('c');
        try {
            double[] out = new double[(int) c.length()];
            c.data().asNioDouble().get(0, out);
            return out;
        } finally {
            NativeMemory.release(c);
        }
    }

    /** {@code f(z)}, on a copy (the function works in place). */
    INDArray activate(INDArray z) {
        return identity() ? z : function.getActivation(z.dup(), false);
    }

    /** Adds {@code dW = xᵀ dz} and {@code db = Σ_rows dz} to {@code out} at this layer's block. */
    void addParameterGradient(double[] x, double[] dz, int batch, double[] out) {
        int nIn = block.nIn();
        int nOut = block.nOut();
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < nOut; j++) {
                double d = dz[b * nOut + j];
                if (d == 0) {
                    continue;
                }
                out[block.biasIndex(j)] += d;
                int w = block.weightIndex(0, j);
                for (int i = 0; i < nIn; i++) {
                    out[w + i] += x[b * nIn + i] * d;
                }
            }
        }
    }

    /** {@code a} as row-major doubles (exact for FLOAT and DOUBLE). */
    static double[] toDoubles(INDArray a) {
        INDArray c = a.dup('c');
        return (c.dataType() == DataType.DOUBLE ? c : c.castTo(DataType.DOUBLE)).data().asDouble();
    }

    /**
     * {@code value} with {@code interventions} applied in order, as a new array of the same type and ordering;
     * {@code value} itself when there are none.
     */
    static INDArray intervene(INDArray value, List<Intervention> interventions, int batch) {
        if (interventions == null || interventions.isEmpty()) {
            return value;
        }
        int width = (int) value.size(1);
        double[] v = toDoubles(value);
        for (Intervention i : interventions) {
            int[] neurons = i.neurons();
            for (int b = 0; b < batch; b++) {
                for (int k = 0; k < neurons.length; k++) {
                    int at = b * width + neurons[k];
                    v[at] = i.operation().apply(v[at], i.value(b, k));
                }
            }
        }
        INDArray out = value.dup(value.ordering());
        out.assign(Nd4j.create(v, value.shape(), 'c').castTo(value.dataType()));
        return out;
    }
}
