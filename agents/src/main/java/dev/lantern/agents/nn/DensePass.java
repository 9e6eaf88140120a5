package dev.lantern.agents.nn;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training forward and backward pass of the actor-critic MLP for one batch size, computed with ND4J gemm calls
 * into buffers allocated once, the gradient written straight into the graph's gradient view.
 *
 * <p>It computes what {@link ActorCriticNet#forward} and {@link ActorCriticNet#backward} compute (the same operations
 * DL4J's dense layers run: {@code z = x W + b}, {@code tanh}, {@code dW = xᵀ δ}, {@code db = Σ_rows δ},
 * {@code ε = δ Wᵀ}) without what a small network pays for around them: workspace setup, the activation map, new
 * arrays every call, and the input layer's epsilon, which no one reads and which costs as much as the first layer's
 * forward product. The {@link ComputationGraph} stays the owner of the parameters, the gradient view and the updater,
 * so checkpoints, serialization and the analysis see nothing different. Shapes: {@code B} = {@link #batchSize()}.
 *
 * <p>Every buffer is live and reused by the next call: copy what you keep. One instance per network and batch size,
 * on the thread that owns the network.
 */
public final class DensePass {

    private final ComputationGraph graph;
    private final int batch;
    private final INDArray input;
    private final INDArray z0;
    private final INDArray a0;
    private final INDArray z1;
    private final INDArray a1;
    private final INDArray logits;
    private final INDArray values;
    private final INDArray dLogits;
    private final INDArray dValues;
    private final INDArray da1;
    private final INDArray dz1;
    private final INDArray da0;
    private final INDArray dz0;
    private final Layer l0;
    private final Layer l1;
    private final Layer lp;
    private final Layer lv;
    private Map<String, INDArray> g0;
    private Map<String, INDArray> g1;
    private Map<String, INDArray> gp;
    private Map<String, INDArray> gv;
    private INDArray gradientView;

    // Sparse first layer (float networks): the input's rows as plain floats, the columns that are non-zero anywhere in
    // the batch, and per padded column count the compressed input, weights and weight gradient.
    private final int inputSize;
    private final int width0;
    private final int w0Offset;
    private final float[] inputValues;
    private final boolean[] activeMark;
    private final int[] active;
    private int activeCount;
    private boolean sparse;
    private Compressed compressed;
    private final Map<Integer, Compressed> compressedBySize = new HashMap<>();
    private float[] scratch = new float[0];

    /** The first layer's operands restricted to the active input columns, padded with zero columns to {@code k}. */
    private static final class Compressed {
        final int k;
        final INDArray x;  // [B, k] 'c'
        final INDArray w;  // [k, width0] 'f'
        final INDArray dw; // [k, width0] 'f'

        Compressed(int batch, int k, int width0) {
            this.k = k;
            x = Nd4j.create(DataType.FLOAT, new long[] {batch, k}, 'c');
            w = Nd4j.create(DataType.FLOAT, new long[] {k, width0}, 'f');
            dw = Nd4j.create(DataType.FLOAT, new long[] {k, width0}, 'f');
        }
    }

    DensePass(ComputationGraph graph, int batch, int inputSize, int[] hidden, int actions) {
        this.graph = graph;
        this.batch = batch;
        DataType type = graph.params().dataType();
        input = Nd4j.create(type, new long[] {batch, inputSize}, 'c');
        z0 = Nd4j.create(type, new long[] {batch, hidden[0]}, 'f');
        a0 = Nd4j.create(type, new long[] {batch, hidden[0]}, 'f');
        z1 = Nd4j.create(type, new long[] {batch, hidden[1]}, 'f');
        a1 = Nd4j.create(type, new long[] {batch, hidden[1]}, 'f');
        logits = Nd4j.create(type, new long[] {batch, actions}, 'c');
        values = Nd4j.create(type, new long[] {batch, 1}, 'c');
        dLogits = Nd4j.create(type, new long[] {batch, actions}, 'c');
        dValues = Nd4j.create(type, new long[] {batch, 1}, 'c');
        da1 = Nd4j.create(type, new long[] {batch, hidden[1]}, 'f');
        dz1 = Nd4j.create(type, new long[] {batch, hidden[1]}, 'f');
        da0 = Nd4j.create(type, new long[] {batch, hidden[0]}, 'f');
        dz0 = Nd4j.create(type, new long[] {batch, hidden[0]}, 'f');
        l0 = graph.getLayer(ActorCriticNet.TORSO_0);
        l1 = graph.getLayer(ActorCriticNet.TORSO_1);
        lp = graph.getLayer(ActorCriticNet.POLICY);
        lv = graph.getLayer(ActorCriticNet.VALUE);
        this.inputSize = inputSize;
        this.width0 = hidden[0];
        this.w0Offset = ParameterLayout.of(graph).layers().stream().filter(l -> l.name().equals(ActorCriticNet.TORSO_0))
                .findFirst().orElseThrow().offset();
        boolean isFloat = type == DataType.FLOAT;
        // The compressed first layer reads and writes the flat parameter and gradient vectors as root buffers.
        isFloat &= graph.params().offset() == 0;
        inputValues = isFloat ? new float[batch * inputSize] : null;
        activeMark = isFloat ? new boolean[inputSize] : null;
        active = isFloat ? new int[inputSize] : null;
    }

    /** Rows per call. */
    public int batchSize() {
        return batch;
    }

    /**
     * Sets the batch's observations from a plain array, {@code [B * inputSize]} row-major (at least that long).
     *
     * <p>On a float network, when at most half of the input columns are non-zero anywhere in the batch (one-hot grid
     * observations: the walls, the floor and the few cells the agents stand on), the first layer runs on those columns
     * only: its two products with the input ({@code x W} forward, {@code xᵀ δ} backward) shrink by the same factor, and
     * the skipped terms are exact zeros.
     */
    public void setInput(float[] observations) {
        int length = batch * inputSize;
        if (observations.length < length) {
            throw new IllegalArgumentException("need " + length + " observation values, got " + observations.length);
        }
        if (inputValues == null) {
            double[] d = new double[length];
            for (int i = 0; i < length; i++) {
                d[i] = observations[i];
            }
            input.data().setData(d);
            sparse = false;
            return;
        }
        System.arraycopy(observations, 0, inputValues, 0, length);
        prepareFloatInput();
    }

    /** Sets the batch's observations, {@code [B, inputSize]} of any floating-point type (copied). */
    public void setInput(INDArray observations) {
        if (observations.rows() != batch || observations.columns() != inputSize) {
            throw new IllegalArgumentException("observations " + java.util.Arrays.toString(observations.shape())
                    + " do not match a batch of " + batch + " rows of " + inputSize + " features");
        }
        if (inputValues == null) {
            input.assign(observations);
            sparse = false;
            return;
        }
        INDArray rows = observations.dataType() == DataType.FLOAT ? observations : observations.castTo(DataType.FLOAT);
        float[] values = rows.dup('c').data().asFloat();
        System.arraycopy(values, 0, inputValues, 0, batch * inputSize);
        prepareFloatInput();
    }

    /** Finds the active columns of {@link #inputValues} and fills the dense or the compressed input. */
    private void prepareFloatInput() {
        java.util.Arrays.fill(activeMark, false);
        int count = 0;
        for (int b = 0; b < batch; b++) {
            int o = b * inputSize;
            for (int i = 0; i < inputSize; i++) {
                if (inputValues[o + i] != 0 && !activeMark[i]) {
                    activeMark[i] = true;
                    count++;
                }
            }
        }
        bindGradientViews();
        sparse = 2 * count <= inputSize && graph.getGradientsViewArray().offset() == 0;
        if (!sparse) {
            input.data().asNioFloat().put(inputValues, 0, batch * inputSize);
            return;
        }
        activeCount = 0;
        for (int i = 0; i < inputSize; i++) {
            if (activeMark[i]) {
                active[activeCount++] = i;
            }
        }
        int k = Math.max(16, (activeCount + 15) / 16 * 16); // padded, so that few buffer sizes are ever made
        compressed = compressedBySize.computeIfAbsent(k, kk -> new Compressed(batch, kk, width0));
        float[] xc = scratch(batch * k);
        for (int b = 0; b < batch; b++) {
            int from = b * inputSize;
            int to = b * k;
            for (int c = 0; c < activeCount; c++) {
                xc[to + c] = inputValues[from + active[c]];
            }
            java.util.Arrays.fill(xc, to + activeCount, to + k, 0f);
        }
        compressed.x.data().asNioFloat().put(xc, 0, batch * k);
    }

    private float[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new float[size];
        }
        return scratch;
    }

    /** True if the last input set runs the first layer on its active columns only (see {@link #setInput(float[])}). */
    public boolean sparseInput() {
        return sparse;
    }

    /** Policy logits {@code [B, actions]} ('c' order) of the last {@link #forward()}. */
    public INDArray logits() {
        return logits;
    }

    /** Values {@code [B, 1]} of the last {@link #forward()}. */
    public INDArray values() {
        return values;
    }

    /** The buffer {@code [B, actions]} ('c' order) for dLoss/dLogits that {@link #backward()} reads. */
    public INDArray dLogits() {
        return dLogits;
    }

    /** The buffer {@code [B, 1]} for dLoss/dValue that {@link #backward()} reads. */
    public INDArray dValues() {
        return dValues;
    }

    /** Training forward pass of the input set last into {@link #logits()} and {@link #values()} (no dropout: none is configured). */
    public void forward() {
        if (sparse) {
            gatherFirstWeights();
            Nd4j.gemm(compressed.x, compressed.w, z0, false, false, 1.0, 0.0);
            z0.addiRowVector(l0.getParam(DefaultParamInitializer.BIAS_KEY));
        } else {
            dense(input, l0, z0);
        }
        Nd4j.getExecutioner().exec(new Tanh(z0, a0));
        dense(a0, l1, z1);
        Nd4j.getExecutioner().exec(new Tanh(z1, a1));
        dense(a1, lp, logits);
        dense(a1, lv, values);
    }

    private static void dense(INDArray x, Layer layer, INDArray out) {
        Nd4j.gemm(x, layer.getParam(DefaultParamInitializer.WEIGHT_KEY), out, false, false, 1.0, 0.0);
        out.addiRowVector(layer.getParam(DefaultParamInitializer.BIAS_KEY));
    }

    /**
     * Backpropagates {@link #dLogits()} and {@link #dValues()} through the activations of the last {@link #forward()};
     * the gradient of every parameter lands in the graph's gradient view ({@link ActorCriticNet#gradient()}),
     * overwritten. The epsilon with respect to the input is not computed.
     */
    public void backward() {
        bindGradientViews();
        // Heads: dW = a1ᵀ δ, db = Σ_rows δ; the torso's epsilon is the sum of both heads' δ Wᵀ.
        weightAndBias(a1, dLogits, gp);
        weightAndBias(a1, dValues, gv);
        Nd4j.gemm(dLogits, lp.getParam(DefaultParamInitializer.WEIGHT_KEY), da1, false, true, 1.0, 0.0);
        Nd4j.gemm(dValues, lv.getParam(DefaultParamInitializer.WEIGHT_KEY), da1, false, true, 1.0, 1.0);
        Nd4j.getExecutioner().exec(new TanhDerivative(z1, da1, dz1));
        weightAndBias(a0, dz1, g1);
        Nd4j.gemm(dz1, l1.getParam(DefaultParamInitializer.WEIGHT_KEY), da0, false, true, 1.0, 0.0);
        Nd4j.getExecutioner().exec(new TanhDerivative(z0, da0, dz0));
        if (sparse) {
            Nd4j.gemm(compressed.x, dz0, compressed.dw, true, false, 1.0, 0.0);
            dz0.sum(g0.get(DefaultParamInitializer.BIAS_KEY), 0);
            scatterFirstWeightGradient();
        } else {
            weightAndBias(input, dz0, g0);
        }
    }

    /** Copies the rows of the first layer's weights for the active columns into the compressed weights (zero padded). */
    private void gatherFirstWeights() {
        // The flat parameter vector is a root buffer; torso.dense0's W [in, width0] 'f' starts at w0Offset.
        java.nio.FloatBuffer params = graph.params().data().asNioFloat();
        int k = compressed.k;
        float[] wc = scratch(k * width0);
        for (int j = 0; j < width0; j++) {
            int col = w0Offset + j * inputSize;
            int to = j * k;
            for (int c = 0; c < activeCount; c++) {
                wc[to + c] = params.get(col + active[c]);
            }
            java.util.Arrays.fill(wc, to + activeCount, to + k, 0f);
        }
        compressed.w.data().asNioFloat().put(wc, 0, k * width0);
    }

    /** Writes the compressed weight gradient into torso.dense0's W gradient; rows of inactive columns are zero. */
    private void scatterFirstWeightGradient() {
        INDArray dw = g0.get(DefaultParamInitializer.WEIGHT_KEY);
        dw.assign(0);
        int k = compressed.k;
        float[] dwc = scratch(k * width0);
        compressed.dw.data().asNioFloat().get(dwc, 0, k * width0);
        java.nio.FloatBuffer grads = graph.getGradientsViewArray().data().asNioFloat();
        for (int j = 0; j < width0; j++) {
            int col = w0Offset + j * inputSize;
            int from = j * k;
            for (int c = 0; c < activeCount; c++) {
                grads.put(col + active[c], dwc[from + c]);
            }
        }
    }

    private static void weightAndBias(INDArray x, INDArray delta, Map<String, INDArray> grads) {
        Nd4j.gemm(x, delta, grads.get(DefaultParamInitializer.WEIGHT_KEY), true, false, 1.0, 0.0);
        delta.sum(grads.get(DefaultParamInitializer.BIAS_KEY), 0);
    }

    /** Binds the per-layer views of the graph's gradient array, creating that array on first use. */
    private void bindGradientViews() {
        if (graph.getGradientsViewArray() == null) {
            graph.initGradientsView();
        }
        if (gradientView != graph.getGradientsViewArray()) {
            DefaultParamInitializer init = DefaultParamInitializer.getInstance();
            g0 = init.getGradientsFromFlattened(l0.conf(), l0.getGradientsViewArray());
            g1 = init.getGradientsFromFlattened(l1.conf(), l1.getGradientsViewArray());
            gp = init.getGradientsFromFlattened(lp.conf(), lp.getGradientsViewArray());
            gv = init.getGradientsFromFlattened(lv.conf(), lv.getGradientsViewArray());
            gradientView = graph.getGradientsViewArray();
        }
    }
}
