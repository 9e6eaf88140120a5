package dev.lantern.agents.nn;

import dev.lantern.agents.api.ParameterLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training forward and backward pass of a {@link GraphNetwork} (the tanh torso and its identity heads: the
 * actor-critic's policy and value, the Q-network's Q-values) for one batch size: twelve ND4J calls (gemm and tanh)
 * into buffers allocated once, the gradient written straight into the graph's gradient buffer.
 *
 * <p>It computes what {@link GraphNetwork#forward} and {@link GraphNetwork#backward} compute (DL4J's dense layers:
 * {@code z = x W + b}, {@code tanh}, {@code dW = xᵀ δ}, {@code db = Σ_rows δ}, {@code ε = δ Wᵀ}) without what a small
 * network pays for around them: workspace setup, the activation map, new arrays every call, the input layer's epsilon
 * (which no one reads and which costs as much as the first layer's product), and one native call per bias and per head.
 * The biases ride in the products: each layer's input carries a column of ones and its weights a bias row, so one gemm
 * gives {@code x W + b} and one gives {@code [dW; db]}; the heads, side by side in the order of the graph's outputs,
 * are one {@code [h1 + 1, W]} product ({@code W} = their widths summed: {@code A + 1} for policy and value). When the
 * batch's input is sparse in columns (one-hot grid observations: the walls, the goal and the cells the agents stand
 * on), the first layer runs in Java on the active columns only, those that hold one value in every row folded into the
 * bias ({@link ActiveColumns}). A FLOAT network's tanh is computed in Java ({@link FloatTanh}), a DOUBLE one's by
 * ND4J's op.
 *
 * <p>The {@link ComputationGraph} stays the owner of the parameters, the gradient buffer and the updater, so
 * checkpoints, serialization and the analysis see nothing different. Shapes: {@code B} = {@link #batchSize()},
 * {@code W} = {@link #outputWidth()}. One instance per network and batch size, on the thread that owns the network.
 */
public final class DensePass {

    private final ComputationGraph graph;
    private final int batch;
    private final int inputSize;
    private final int h0;
    private final int h1;
    private final int width;         // the heads' outputs side by side
    private final DataType type;
    // Offsets in the flat parameter (and gradient) vector: weights [in, out] 'f', then biases.
    private final int w0;
    private final int b0;
    private final int w1;
    private final int b1;
    private final int[] headOffsets; // each head's weights [h1, width] 'f', then its biases
    private final int[] headWidths;
    private final Layer l0;
    private final Layer l1;

    private final INDArray input;    // [B, in] 'c', the dense first layer's input
    private final INDArray z0;       // [B, h0] 'f'
    private final INDArray a0Aug;    // [B, h0 + 1] 'f', last column ones
    private final INDArray a0;       // view: its first h0 columns
    private final INDArray z1;
    private final INDArray a1Aug;
    private final INDArray a1;
    private final INDArray w1Aug;    // [h0 + 1, h1] 'f': W1 over b1
    private final INDArray headAug;  // [h1 + 1, W] 'f': the heads' weights side by side over their biases
    private final INDArray head;     // [h1, W] 'f': the heads' weights
    private final INDArray out;      // [B, W] 'c': the heads' outputs (logits, value)
    private final INDArray dOut;     // [B, W] 'c'
    private final INDArray dHeadAug; // [h1 + 1, W] 'f'
    private final INDArray da1;
    private final INDArray dz1;
    private final INDArray dW1Aug;   // [h0 + 1, h1] 'f'
    private final INDArray da0;
    private final INDArray dz0;
    private final Flat w1AugFlat;
    private final Flat headAugFlat;
    private final Flat headFlat;
    private final Flat outFlat;
    private final Flat dOutFlat;
    private final Flat dHeadAugFlat;
    private final Flat dW1AugFlat;

    private final ActiveColumns columns;
    private final TanhBackward exactTanh = new TanhBackward();
    private boolean sparse;
    private INDArray fixedInput; // the array the input buffers hold, when set by setFixedInput
    private boolean hostTanhGradient; // tanh's backward in Java from the stored activations (probe passes only)
    private boolean firstLayerOutside; // z0 written by the caller, the first layer's gradient left to it (FixedInputPass)
    private final Flat a0Flat;
    private final Flat a1Flat;
    private Flat da0Flat;
    private Flat da1Flat;
    private final Flat dz0Flat;
    private Flat dz1Flat;
    private final Flat z0Flat;
    private final Flat z1Flat;
    private final double[] tanhScratch;
    private double[] actScratch = new double[0];
    private double[] epsScratch = new double[0];
    private double[] scratch = new double[0];
    private double[] outputs = new double[0];

    private Map<String, INDArray> g0;
    private INDArray gradientView;
    private Flat gradientFlat;
    private INDArray paramsView;
    private Flat paramsFlat;

    /**
     * @param heads the identity head layers on {@code torso.dense1}, in the order of the graph's outputs
     */
    DensePass(ComputationGraph graph, int batch, int inputSize, int[] hidden, List<String> heads) {
        this.graph = graph;
        this.batch = batch;
        this.inputSize = inputSize;
        this.h0 = hidden[0];
        this.h1 = hidden[1];
        this.type = graph.params().dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("the fast pass needs a FLOAT or DOUBLE network, got " + type);
        }
        ParameterLayout layout = ParameterLayout.of(graph);
        w0 = layout.block(GraphNetwork.TORSO_0).offset();
        b0 = w0 + inputSize * h0;
        w1 = layout.block(GraphNetwork.TORSO_1).offset();
        b1 = w1 + h0 * h1;
        headOffsets = new int[heads.size()];
        headWidths = new int[heads.size()];
        int w = 0;
        for (int k = 0; k < heads.size(); k++) {
            ParameterLayout.Block block = layout.block(heads.get(k));
            if (block.nIn() != h1) {
                throw new IllegalArgumentException("head " + heads.get(k) + " has " + block.nIn() + " inputs, the torso "
                        + h1 + " outputs");
            }
            headOffsets[k] = block.offset();
            headWidths[k] = block.nOut();
            w += block.nOut();
        }
        width = w;
        l0 = graph.getLayer(GraphNetwork.TORSO_0);
        l1 = graph.getLayer(GraphNetwork.TORSO_1);
        input = Nd4j.create(type, new long[] {batch, inputSize}, 'c');
        z0 = Nd4j.create(type, new long[] {batch, h0}, 'f');
        a0Aug = Nd4j.create(type, new long[] {batch, h0 + 1}, 'f');
        a0Aug.getColumn(h0).assign(1);
        a0 = a0Aug.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h0));
        z1 = Nd4j.create(type, new long[] {batch, h1}, 'f');
        a1Aug = Nd4j.create(type, new long[] {batch, h1 + 1}, 'f');
        a1Aug.getColumn(h1).assign(1);
        a1 = a1Aug.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h1));
        w1Aug = Nd4j.create(type, new long[] {h0 + 1, h1}, 'f');
        headAug = Nd4j.create(type, new long[] {h1 + 1, width}, 'f');
        head = Nd4j.create(type, new long[] {h1, width}, 'f');
        out = Nd4j.create(type, new long[] {batch, width}, 'c');
        dOut = Nd4j.create(type, new long[] {batch, width}, 'c');
        dHeadAug = Nd4j.create(type, new long[] {h1 + 1, width}, 'f');
        da1 = Nd4j.create(type, new long[] {batch, h1}, 'f');
        dz1 = Nd4j.create(type, new long[] {batch, h1}, 'f');
        dW1Aug = Nd4j.create(type, new long[] {h0 + 1, h1}, 'f');
        da0 = Nd4j.create(type, new long[] {batch, h0}, 'f');
        dz0 = Nd4j.create(type, new long[] {batch, h0}, 'f');
        w1AugFlat = Flat.of(w1Aug);
        headAugFlat = Flat.of(headAug);
        headFlat = Flat.of(head);
        outFlat = Flat.of(out);
        dOutFlat = Flat.of(dOut);
        dHeadAugFlat = Flat.of(dHeadAug);
        dW1AugFlat = Flat.of(dW1Aug);
        columns = new ActiveColumns(batch, inputSize, h0);
        z0Flat = Flat.of(z0);
        z1Flat = Flat.of(z1);
        dz0Flat = Flat.of(dz0);
        a0Flat = Flat.of(a0Aug);
        a1Flat = Flat.of(a1Aug);
        tanhScratch = new double[batch * Math.max(h0, h1)];
    }

    /** Rows per call. */
    public int batchSize() {
        return batch;
    }

    /** Outputs per row: the heads' widths summed, in the order of the graph's outputs. */
    public int outputWidth() {
        return width;
    }

    /**
     * Sets the batch's observations from a plain array, {@code [B * inputSize]} row-major (at least that long).
     *
     * <p>When at most half of the input columns are non-zero anywhere in the batch, the first layer runs on those
     * columns only, in Java ({@link ActiveColumns}: the columns constant over the batch folded into the bias, each row
     * adding its other non-zero columns' weights); the terms skipped are exact zeros.
     */
    public void setInput(float[] observations) {
        int length = batch * inputSize;
        if (observations.length < length) {
            throw new IllegalArgumentException("need " + length + " observation values, got " + observations.length);
        }
        fixedInput = null;
        firstLayerOutside = false;
        sparse = columns.prepare(observations);
        if (!sparse && type == DataType.FLOAT) {
            input.data().asNioFloat().put(0, observations, 0, length);
        } else if (!sparse) {
            Flat.of(input).write(0, observations, 0, length);
        }
    }

    /** Sets the batch's observations, {@code [B, inputSize]} of any floating-point type (copied). */
    public void setInput(INDArray observations) {
        if (observations.rows() != batch || observations.columns() != inputSize) {
            throw new IllegalArgumentException("observations " + Arrays.toString(observations.shape())
                    + " do not match a batch of " + batch + " rows of " + inputSize + " features");
        }
        fixedInput = null;
        firstLayerOutside = false;
        double[] values = observations.dup('c').data().asDouble();
        System.arraycopy(values, 0, columns.values(), 0, batch * inputSize);
        sparse = columns.prepare();
        if (!sparse) {
            input.assign(observations);
        }
    }

    /**
     * Sets the observations that {@code other} holds (a pass of another network of the same input size, batch size and
     * type: a target network's, on the batch its online network just took), copying them buffer to buffer instead of
     * converting and scanning them again. The same numbers as setting the same observations here.
     */
    public void setInput(DensePass other) {
        if (other.batch != batch || other.inputSize != inputSize || other.type != type) {
            throw new IllegalArgumentException("cannot take the input of a " + other.type + " pass of " + other.batch
                    + " x " + other.inputSize + " into a " + type + " pass of " + batch + " x " + inputSize);
        }
        fixedInput = null;
        columns.copyFrom(other.columns);
        sparse = other.sparse;
        if (!sparse) {
            input.assign(other.input);
        }
    }

    /**
     * Sets the batch's observations as {@link #setInput(INDArray)} does, unless {@code observations} is the array this
     * method set last and no other input was set since: then the buffers hold it already and nothing is done. For a
     * probe's fixed observations, evaluated at many parameter vectors; the caller must not change the array in place.
     */
    public void setFixedInput(INDArray observations) {
        firstLayerOutside = false;
        if (observations != fixedInput) {
            setInput(observations);
            fixedInput = observations;
        }
    }

    /** True if the last input set runs the first layer on its active columns only (see {@link #setInput(float[])}). */
    public boolean sparseInput() {
        return sparse;
    }

    private double[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new double[size];
        }
        return scratch;
    }

    /**
     * Training forward pass of the input set last (no dropout: none is configured).
     *
     * @return the heads' outputs side by side, {@code [B * W]} row-major (row {@code b}'s head {@code k} from column
     *         {@code Σ_{i<k} width_i}); a buffer of this pass, overwritten by the next call
     */
    public double[] forward() {
        bind();
        Flat p = paramsFlat;
        if (firstLayerOutside) {
            // z0 holds the first layer's pre-activation, written by the caller
        } else if (sparse) {
            columns.forward(p, w0, b0, z0Flat);
        } else {
            Nd4j.gemm(input, l0.getParam(DefaultParamInitializer.WEIGHT_KEY), z0, false, false, 1.0, 0.0);
            z0.addiRowVector(l0.getParam(DefaultParamInitializer.BIAS_KEY));
        }
        tanh(z0, a0, z0Flat, a0Flat, h0);
        double[] w = scratch((h0 + 1) * h1);
        for (int j = 0; j < h1; j++) {
            p.read(w1 + j * h0, w, j * (h0 + 1), h0);
            w[j * (h0 + 1) + h0] = p.get(b1 + j);
        }
        w1AugFlat.write(w, (h0 + 1) * h1);
        Nd4j.gemm(a0Aug, w1Aug, z1, false, false, 1.0, 0.0);
        tanh(z1, a1, z1Flat, a1Flat, h1);
        double[] h = scratch((h1 + 1) * width);
        int column = 0;
        for (int k = 0; k < headOffsets.length; k++) {
            int off = headOffsets[k];
            int bias = off + h1 * headWidths[k];
            for (int j = 0; j < headWidths[k]; j++, column++) {
                p.read(off + j * h1, h, column * (h1 + 1), h1);
                h[column * (h1 + 1) + h1] = p.get(bias + j);
            }
        }
        headAugFlat.write(h, (h1 + 1) * width);
        Nd4j.gemm(a1Aug, headAug, out, false, false, 1.0, 0.0);
        if (outputs.length != batch * width) {
            outputs = new double[batch * width];
        }
        outFlat.read(0, outputs, 0, batch * width);
        return outputs;
    }

    /**
     * {@link #forward()} of a network with two heads, the second of width 1 (the actor-critic's policy and value).
     *
     * @param logitsOut {@code [B * A]} row-major, written
     * @param valuesOut {@code [B]}, written
     */
    public void forward(double[] logitsOut, double[] valuesOut) {
        int actions = requireTwoHeads();
        double[] o = forward();
        for (int b = 0; b < batch; b++) {
            System.arraycopy(o, b * width, logitsOut, b * actions, actions);
            valuesOut[b] = o[b * width + actions];
        }
    }

    /**
     * {@link #backward(double[])} of a network with two heads, the second of width 1: dLoss/dLogits and dLoss/dValue.
     *
     * @param dLogits {@code [B * A]} row-major
     * @param dValues {@code [B]}
     */
    public void backward(double[] dLogits, double[] dValues) {
        int actions = requireTwoHeads();
        double[] d = scratch(batch * width);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(dLogits, b * actions, d, b * width, actions);
            d[b * width + actions] = dValues[b];
        }
        backward(d);
    }

    /** The first head's width, after checking that there are two heads and the second is one wide. */
    private int requireTwoHeads() {
        if (headWidths.length != 2 || headWidths[1] != 1) {
            throw new IllegalStateException("logits and values need two heads, the second of width 1; this pass has widths "
                    + Arrays.toString(headWidths));
        }
        return headWidths[0];
    }

    /**
     * Backpropagates dLoss/dOutput of every head through the activations of the last {@link #forward}; the gradient of
     * every parameter lands in the graph's gradient buffer ({@link GraphNetwork#gradient()}), overwritten. The epsilon
     * with respect to the input is not computed.
     *
     * @param dOutputs {@code [B * W]} row-major, laid out as {@link #forward()}'s outputs (at least that long; read
     *                 before anything else is written, so it may be a buffer this pass lent)
     */
    public void backward(double[] dOutputs) {
        bind();
        dOutFlat.write(dOutputs, batch * width);
        // head: the weights without the bias row, for the torso's epsilon
        double[] h = scratch(h1 * width);
        int column = 0;
        for (int k = 0; k < headOffsets.length; k++) {
            for (int j = 0; j < headWidths[k]; j++, column++) {
                paramsFlat.read(headOffsets[k] + j * h1, h, column * h1, h1);
            }
        }
        headFlat.write(h, h1 * width);
        Nd4j.gemm(a1Aug, dOut, dHeadAug, true, false, 1.0, 0.0);
        Nd4j.gemm(dOut, head, da1, false, true, 1.0, 0.0);
        if (hostTanhGradient) {
            tanhBackward(a1Flat, da1Flat, dz1Flat, h1);
        } else {
            exactTanh.apply(a1Aug, da1, dz1, batch * h1); // = the TanhDerivative op, bit for bit
        }
        Nd4j.gemm(a0Aug, dz1, dW1Aug, true, false, 1.0, 0.0);
        Nd4j.gemm(dz1, l1.getParam(DefaultParamInitializer.WEIGHT_KEY), da0, false, true, 1.0, 0.0);
        if (hostTanhGradient) {
            tanhBackward(a0Flat, da0Flat, dz0Flat, h0);
        } else {
            exactTanh.apply(a0Aug, da0, dz0, batch * h0); // = the TanhDerivative op, bit for bit
        }
        Flat g = gradientFlat;
        if (firstLayerOutside) {
            // the caller reads dz0 and makes the first layer's gradient itself
        } else if (sparse) {
            columns.backward(dz0Flat, g, w0, b0);
        } else {
            Nd4j.gemm(input, dz0, g0.get(DefaultParamInitializer.WEIGHT_KEY), true, false, 1.0, 0.0);
            dz0.sum(g0.get(DefaultParamInitializer.BIAS_KEY), 0);
        }
        double[] w = scratch((h0 + 1) * h1);
        dW1AugFlat.read(0, w, 0, (h0 + 1) * h1);
        for (int j = 0; j < h1; j++) {
            g.write(w1 + j * h0, w, j * (h0 + 1), h0);
            g.put(b1 + j, w[j * (h0 + 1) + h0]);
        }
        double[] dh = scratch((h1 + 1) * width);
        dHeadAugFlat.read(0, dh, 0, (h1 + 1) * width);
        column = 0;
        for (int k = 0; k < headOffsets.length; k++) {
            int off = headOffsets[k];
            int bias = off + h1 * headWidths[k];
            for (int j = 0; j < headWidths[k]; j++, column++) {
                g.write(off + j * h1, dh, column * (h1 + 1), h1);
                g.put(bias + j, dh[column * (h1 + 1) + h1]);
            }
        }
    }

    /**
     * Computes tanh's backward in Java from the activations the forward pass stored ({@code dz = da (1 − a²)}, in double
     * precision, rounded once to the network's type) instead of ND4J's {@code TanhDerivative} op, which evaluates tanh
     * again and costs as much as a layer's product at these sizes. Equal to the op up to the last bit of the network's
     * type. Used for loss change allocation's probe passes (on the private shadow network), where it is about a tenth
     * of an evaluation; training computes the op's own expression in the network's type ({@link TanhBackward}), so its
     * numbers do not move. Only on a backend whose buffers live on the
     * host ({@link #hostPathAvailable()}: the compute path in force); elsewhere the request is ignored and the op runs.
     *
     * @param on compute tanh's backward on the host
     */
    public void hostTanhGradient(boolean on) {
        boolean use = on && hostPathAvailable();
        if (use && da0Flat == null) {
            da0Flat = Flat.of(da0);
            da1Flat = Flat.of(da1);
            dz1Flat = Flat.of(dz1);
            int size = batch * Math.max(h0, h1);
            actScratch = new double[size];
            epsScratch = new double[size];
        }
        hostTanhGradient = use;
    }

    /**
     * Leaves the first layer to the caller ({@link FixedInputPass}) until the next input is set: {@link #forward} takes
     * its pre-activation as written into {@link #firstPreActivation()} instead of computing it from the input, and
     * {@link #backward} stops at {@link #firstPreActivationGradient()}, the first layer's gradient left out of the
     * graph's gradient buffer. Setting an input ({@code setInput}, {@code setFixedInput}) turns it off.
     */
    void leaveFirstLayerOutside() {
        firstLayerOutside = true;
    }

    /** The first layer's pre-activation {@code z0 = x W0 + b0}, {@code [B, h0]} 'f' (a root array). */
    INDArray firstPreActivation() {
        return z0;
    }

    /** dLoss/dz0 after {@link #backward}, {@code [B, h0]} 'f' (a root array). */
    INDArray firstPreActivationGradient() {
        return dz0;
    }

    /**
     * Whether host-buffer arithmetic (this pass's Java loops over ND4J's buffers) is allowed: the
     * {@link dev.lantern.agents.api.ComputePath} in force is {@code HOST_BUFFERS}. Gates {@link #hostTanhGradient}.
     */
    static boolean hostPathAvailable() {
        return dev.lantern.agents.api.ComputePath.current().hostBuffers();
    }

    /**
     * {@code a = tanh(z)} over a {@code [B, width]} 'f' block (the activations are the first columns of theirs): in Java
     * for a FLOAT network ({@link FloatTanh}: within one unit in the last place, most often the correctly rounded
     * value, a fifth of the op's time), ND4J's op for a DOUBLE one.
     */
    private void tanh(INDArray z, INDArray a, Flat zFlat, Flat aFlat, int width) {
        if (type != DataType.FLOAT) {
            Nd4j.getExecutioner().exec(new Tanh(z, a));
            return;
        }
        int n = batch * width;
        double[] v = tanhScratch;
        zFlat.read(0, v, 0, n);
        FloatTanh.applyInPlace(v, n);
        aFlat.write(0, v, 0, n);
    }

    /** {@code dz = da (1 − a²)} over a {@code [B, width]} 'f' block (the activations are the first columns of theirs). */
    private void tanhBackward(Flat a, Flat da, Flat dz, int width) {
        int n = batch * width;
        double[] av = actScratch;
        double[] dv = epsScratch;
        a.read(0, av, 0, n);
        da.read(0, dv, 0, n);
        for (int i = 0; i < n; i++) {
            dv[i] *= 1 - av[i] * av[i];
        }
        dz.write(0, dv, 0, n);
    }

    /** Binds the graph's flat parameter and gradient buffers (root arrays), creating the gradient buffer on first use. */
    private void bind() {
        if (graph.getGradientsViewArray() == null) {
            graph.initGradientsView();
        }
        if (gradientView != graph.getGradientsViewArray()) {
            gradientView = graph.getGradientsViewArray();
            g0 = DefaultParamInitializer.getInstance().getGradientsFromFlattened(l0.conf(), l0.getGradientsViewArray());
            gradientFlat = Flat.of(gradientView);
        }
        if (paramsView != GraphBuffers.params(graph)) { // not graph.params(): a new view at every call
            paramsView = GraphBuffers.params(graph);
            paramsFlat = Flat.of(paramsView);
        }
    }
}
