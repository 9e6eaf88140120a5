package dev.lantern.agents.nn;

import dev.lantern.agents.api.Intervention;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.api.Site;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One dense layer of a graph, run the way DL4J's {@code output()} runs it ({@code LayerVertex.doForward} ->
 * {@code BaseLayer.activate}), split in two so that its pre-activation can be seen and changed: DL4J's own
 * {@code preOutput} ({@code z = x W + b} into a fresh array), then the layer's activation function on a copy of
 * {@code z}. The same ops on the same values give the same bits as {@code activate}.
 *
 * @param name     the layer (and its output site)
 * @param input    the site it reads
 * @param layer    the DL4J layer of the private graph
 * @param function its activation function (tanh or identity)
 * @param block    its parameters in the flat vector
 */
record DenseStep(String name, String input, Layer layer, IActivation function, ParameterLayout.Block block) {

    /** {@code BaseLayer.preOutput} is protected; it is the exact code {@code activate} runs first. */
    private static final Method PRE_OUTPUT;

    static {
        try {
            PRE_OUTPUT = BaseLayer.class.getDeclaredMethod("preOutput", boolean.class, LayerWorkspaceMgr.class);
            PRE_OUTPUT.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this DL4J has no BaseLayer.preOutput(boolean, LayerWorkspaceMgr)", e);
        }
    }

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

    /** {@code z = x W + b}, {@code [B, nOut]}, by DL4J's own code. */
    INDArray preActivation(INDArray x) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(x, mgr);
        try {
            return (INDArray) PRE_OUTPUT.invoke(layer, false, mgr);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("preOutput of " + name + " failed: " + e.getMessage(), e);
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
