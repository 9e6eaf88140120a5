package dev.lantern.agents.nn;

import java.util.Arrays;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The few operations every Lantern network does on its DL4J {@link ComputationGraph} the same way: the flat gradient
 * view, one optimizer step through DL4J's updater, and a copy that keeps the update counters.
 */
public final class Graphs {

    private Graphs() {
    }

    /** The live flat gradient buffer, shaped like {@code graph.params()}. */
    public static INDArray gradient(ComputationGraph graph) {
        INDArray g = graph.getGradientsViewArray();
        long[] shape = graph.params().shape();
        return Arrays.equals(g.shape(), shape) ? g : g.reshape(shape);
    }

    /**
     * One optimizer step with a gradient from {@code backpropGradient}: the updater turns the gradient buffer into the
     * update in place, which is subtracted from the parameters; the iteration count advances.
     */
    public static void applyUpdate(ComputationGraph graph, Gradient gradient) {
        int iteration = graph.getConfiguration().getIterationCount();
        graph.getUpdater().update(gradient, iteration, graph.getConfiguration().getEpochCount(), 1,
                LayerWorkspaceMgr.noWorkspaces());
        graph.params().subi(gradient(graph));
        graph.getConfiguration().setIterationCount(iteration + 1);
    }

    /** An independent copy with parameters, updater state and the update counters (which DL4J's clone drops). */
    public static ComputationGraph copy(ComputationGraph graph) {
        ComputationGraph clone = graph.clone();
        clone.getConfiguration().setIterationCount(graph.getConfiguration().getIterationCount());
        clone.getConfiguration().setEpochCount(graph.getConfiguration().getEpochCount());
        return clone;
    }
}
