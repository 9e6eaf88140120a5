package dev.lantern.agents.nn;

import dev.lantern.agents.api.ComputePath;
import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Global-norm gradient clipping and one Adam step on the graph's own state, in one pass of plain Java loops over the
 * flat gradient, parameter and updater-state buffers.
 *
 * <p>DL4J's Adam op (M2.1, CPU) costs ~20 ns per parameter, more than the whole forward and backward pass of the
 * actor-critic network at batch 32; the loop here does the same arithmetic (Kingma and Ba 2015, as DL4J writes it):
 *
 * <pre>
 *   m ← β1 m + (1 − β1) g;   v ← β2 v + (1 − β2) g²
 *   α_t = lr √(1 − β2^(t+1)) / (1 − β1^(t+1));   update = α_t m / (√v + ε);   θ ← θ − update
 * </pre>
 *
 * with {@code t} the graph's iteration count and {@code lr} its schedule's value at {@code t}. The updater state stays
 * where DL4J keeps it ({@code m} then {@code v} in the single updater block's view), so checkpoints, restores and
 * {@link ActorCriticNet#applyUpdate} interleave freely with this step. It applies only to a graph with one Adam
 * updater block whose buffers are root arrays ({@link #supports}), on the {@link ComputePath#HOST_BUFFERS} path;
 * otherwise the caller uses DL4J's updater.
 */
final class AdamStep {

    private AdamStep() {
    }

    /** True if {@link #apply} can run on {@code graph}. */
    static boolean supports(ComputationGraph graph) {
        BaseMultiLayerUpdater<?> updater = graph.getUpdater();
        if (updater == null || updater.getUpdaterBlocks().size() != 1) {
            return false;
        }
        UpdaterBlock block = updater.getUpdaterBlocks().get(0);
        IUpdater config = ((org.deeplearning4j.nn.conf.layers.BaseLayer) block.getLayersAndVariablesInBlock().get(0)
                .getLayer().getConfig()).getIUpdater();
        INDArray grad = graph.getGradientsViewArray();
        INDArray state = updater.getStateViewArray();
        INDArray params = GraphBuffers.params(graph);
        if (params == null) {
            return false;
        }
        DataType type = params.dataType();
        return config instanceof Adam && grad != null && state != null
                && (type == DataType.FLOAT || type == DataType.DOUBLE)
                && block.getParamOffsetStart() == 0 && block.getParamOffsetEnd() == graph.numParams()
                && params.offset() == 0 && grad.offset() == 0 && state.offset() == 0
                && state.length() == 2 * graph.numParams() && grad.dataType() == type && state.dataType() == type;
    }

    /**
     * Scales the gradient to a global L2 norm of at most {@code maxNorm} (no clipping if {@code maxNorm <= 0}), then
     * applies Adam at the graph's iteration count, which it advances. The gradient buffer is left holding the update, as
     * DL4J's updater leaves it.
     *
     * @return the gradient's L2 norm before clipping
     */
    static double apply(ComputationGraph graph, double maxNorm) {
        ComputePath.requireHostBuffers("Adam in Java (AdamStep)");
        BaseMultiLayerUpdater<?> updater = graph.getUpdater();
        UpdaterBlock block = updater.getUpdaterBlocks().get(0);
        if (block.getGradientUpdater() == null) {
            block.init(); // DL4J's first update would create (and zero) the state here
        }
        org.deeplearning4j.nn.conf.layers.BaseLayer layer = (org.deeplearning4j.nn.conf.layers.BaseLayer)
                block.getLayersAndVariablesInBlock().get(0).getLayer().getConfig();
        Adam adam = (Adam) layer.getIUpdater();
        int iteration = graph.getConfiguration().getIterationCount();
        int epoch = graph.getConfiguration().getEpochCount();
        double lr = adam.getLearningRate(iteration, epoch);
        double beta1 = adam.getBeta1();
        double beta2 = adam.getBeta2();
        double epsilon = adam.getEpsilon();
        double beta1T = Math.pow(beta1, iteration + 1);
        double beta2T = Math.pow(beta2, iteration + 1);
        double alpha = lr * Math.sqrt(1 - beta2T) / (1 - beta1T);
        if (Double.isNaN(alpha) || alpha == 0 || Double.isInfinite(alpha)) {
            alpha = epsilon; // as DL4J's op does
        }
        int n = (int) graph.numParams();
        INDArray params = GraphBuffers.params(graph);
        Views views = VIEWS.get();
        Buffer g = views.gradient.of(graph.getGradientsViewArray());
        Buffer p = views.params.of(params);
        Buffer state = views.state.of(updater.getStateViewArray());
        double norm;
        if (params.dataType() == DataType.FLOAT) {
            norm = applyFloat((FloatBuffer) g, (FloatBuffer) p, (FloatBuffer) state, n, maxNorm, (float) alpha,
                    (float) beta1, (float) beta2, (float) epsilon);
        } else {
            norm = applyDouble((DoubleBuffer) g, (DoubleBuffer) p, (DoubleBuffer) state, n, maxNorm, alpha, beta1, beta2,
                    epsilon);
        }
        graph.getConfiguration().setIterationCount(iteration + 1);
        return norm;
    }

    /** The NIO views of the last graph's gradient, parameter and state buffers, kept while they are the same. */
    private static final class Views {
        final GraphBuffers.View gradient = new GraphBuffers.View();
        final GraphBuffers.View params = new GraphBuffers.View();
        final GraphBuffers.View state = new GraphBuffers.View();
    }

    private static final ThreadLocal<Views> VIEWS = ThreadLocal.withInitial(Views::new);

    /**
     * The float step on Java arrays copied from the buffers and back (bulk copies: memcpy), so that the JIT can run the
     * update loop in SIMD lanes (the square root and the division dominate it): 20-26% more PPO updates/s than the loop
     * straight on the direct buffers, whose element access it cannot vectorize (lantern bench update, one session).
     * Bit for bit what the reference arithmetic gives:
     *
     * <ul>
     *   <li>the norm is the sum of {@code g²} in double precision in index order, as before;</li>
     *   <li>clipping multiplies each gradient by the float scale inside the update loop; a scale of 1 (no clipping)
     *       leaves every float as it is, so the unclipped case needs no branch;</li>
     *   <li>an entry whose gradient, first and second moment are all +0 (an input column never active so far) goes
     *       through the same arithmetic, which writes +0, +0, +0 back and subtracts +0 from its parameter: every bit as
     *       it was.</li>
     * </ul>
     */
    private static double applyFloat(FloatBuffer gBuf, FloatBuffer pBuf, FloatBuffer sBuf, int n, double maxNorm,
            float alpha, float beta1, float beta2, float epsilon) {
        float[][] a = ARRAYS.get();
        if (a[0].length != n) {
            a[0] = new float[n];
            a[1] = new float[n];
            a[2] = new float[n];
            a[3] = new float[n];
        }
        float[] g = a[0];
        float[] p = a[1];
        float[] m1 = a[2];
        float[] m2 = a[3];
        gBuf.get(0, g, 0, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = g[i];
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        float scale = maxNorm > 0 && norm > maxNorm ? (float) (maxNorm / norm) : 1f;
        pBuf.get(0, p, 0, n);
        sBuf.get(0, m1, 0, n);
        sBuf.get(n, m2, 0, n);
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        for (int i = 0; i < n; i++) {
            float grad = g[i] * scale;
            float m = beta1 * m1[i] + grad * oneMinusBeta1;
            float v = beta2 * m2[i] + grad * grad * oneMinusBeta2;
            float update = m * alpha / ((float) Math.sqrt(v) + epsilon);
            m1[i] = m;
            m2[i] = v;
            g[i] = update;
            p[i] -= update;
        }
        gBuf.put(0, g, 0, n);
        pBuf.put(0, p, 0, n);
        sBuf.put(0, m1, 0, n);
        sBuf.put(n, m2, 0, n);
        return norm;
    }

    private static final ThreadLocal<float[][]> ARRAYS = ThreadLocal.withInitial(() -> new float[4][0]);

    private static double applyDouble(DoubleBuffer g, DoubleBuffer p, DoubleBuffer state, int n, double maxNorm,
            double alpha, double beta1, double beta2, double epsilon) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = g.get(i);
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        boolean clip = maxNorm > 0 && norm > maxNorm;
        double scale = clip ? maxNorm / norm : 1;
        for (int i = 0; i < n; i++) {
            double grad = clip ? g.get(i) * scale : g.get(i);
            double m = beta1 * state.get(i) + grad * (1 - beta1);
            double v = beta2 * state.get(n + i) + grad * grad * (1 - beta2);
            double update = m * alpha / (Math.sqrt(v) + epsilon);
            state.put(i, m);
            state.put(n + i, v);
            g.put(i, update);
            p.put(i, p.get(i) - update);
        }
        return norm;
    }
}
