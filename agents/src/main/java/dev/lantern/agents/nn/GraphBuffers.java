package dev.lantern.agents.nn;

import java.lang.reflect.Field;
import java.nio.Buffer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cheap access to a graph's flat parameter array and to NIO views of ND4J buffers, for the per-step code of the fast
 * pass ({@link DensePass}, {@link AdamStep}).
 *
 * <p>{@code ComputationGraph.params()} returns a new reshaped view of the {@code [1, n]} flat parameter array at every
 * call, and {@code DataBuffer.asNioFloat()} a new NIO view: each costs tens of microseconds on ND4J 1.0.0-M2.1, which
 * at batch 32 is a sizeable part of a whole training step. {@link #params} reads the array the graph holds instead
 * (the same buffer, no view made), and {@link View} keeps a buffer's NIO view for as long as the buffer is the same
 * object.
 */
final class GraphBuffers {

    /** {@code ComputationGraph.flattenedParams}, the array {@code params()} reshapes. */
    private static final Field FLATTENED_PARAMS;

    static {
        try {
            FLATTENED_PARAMS = ComputationGraph.class.getDeclaredField("flattenedParams");
            FLATTENED_PARAMS.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this DL4J's ComputationGraph has no field flattenedParams", e);
        }
    }

    private GraphBuffers() {
    }

    /**
     * The graph's flat parameter array itself ({@code [1, n]}, the array whose buffer {@code params()} views): the
     * same object from call to call until the graph is initialized anew; null before {@code init}.
     */
    static INDArray params(ComputationGraph graph) {
        try {
            return (INDArray) FLATTENED_PARAMS.get(graph);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read ComputationGraph.flattenedParams: " + e.getMessage(), e);
        }
    }

    /** The NIO view of one ND4J buffer, made again only when the buffer is another object. */
    static final class View {
        private DataBuffer data;
        private Buffer nio;

        /** {@code array}'s whole buffer as a {@code FloatBuffer} or {@code DoubleBuffer} (by its data type). */
        Buffer of(INDArray array) {
            DataBuffer d = array.data();
            if (d != data) {
                nio = array.dataType() == DataType.DOUBLE ? d.asNioDouble() : d.asNioFloat();
                data = d;
            }
            return nio;
        }
    }
}
