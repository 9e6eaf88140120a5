package dev.lantern.agents.nn;

import dev.lantern.agents.api.ParameterLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fast pass ({@link DensePass}) of one fixed batch, a probe's, evaluated from the parameters it depends on (its
 * support, {@link dev.lantern.agents.api.SupportLoss}): a first-layer weight whose input is zero in every row never
 * enters the batch's outputs, so parameter vectors and gradients are given on the support only.
 *
 * <p>Two exact shortcuts, the batch being fixed ({@link ProbeInput}): the network runs on the batch's distinct rows
 * only (a probe drawn from a rollout repeats states; equal rows have equal outputs, and their output gradients are
 * summed before the backward pass, which is linear in them), padded to a multiple of {@value #PAD} rows that carry a
 * zero gradient; and the first layer runs here in Java on the rows' structure (the most common row plus a sparse
 * residual) instead of as two products with the input. The first layer is computed in double precision from the
 * parameters rounded to the network's type; the other layers run in the pass as in training, their parameters written
 * into the evaluated network (never the first layer's, which this class reads from the given vector only). The old
 * path's products round in another order: the two agree to the network's precision.
 *
 * <p>Host buffers only ({@link dev.lantern.agents.api.ComputePath#HOST_BUFFERS}). One instance per probe, on the
 * thread that owns the evaluated network (a probe's private shadow).
 */
public final class FixedInputPass {

    /** The distinct rows are padded to a multiple of this, so that a network keeps few passes. */
    static final int PAD = 16;

    private final GraphNetwork net;
    private final ProbeInput input;
    private final DensePass pass;
    private final int rows;
    private final int padded;
    private final int h0;
    private final int actions;
    private final boolean roundToFloat;
    private final int[] support;
    private final int firstWeight; // support position of W0(active column 0, neuron 0): W0(c, m) at + m k + c
    private final int firstBias;   // support position of b0(0)
    private final int[][] runs;    // the other layers: {flat index, support position, length}

    private final double[] weights;
    private final double[] bias;
    private final double[] z;
    private final double[] dz;
    private final double[] logits;
    private final double[] values;
    private final double[] dLogitsSum;
    private final double[] dValuesSum;
    private final Flat z0Flat;
    private final Flat dz0Flat;
    private INDArray paramsView;
    private Flat paramsFlat;
    private INDArray gradientView;
    private Flat gradientFlat;

    /**
     * @param net          the network evaluated (a probe's private shadow); its first layer is read from the given
     *                     parameter vectors, never from the network
     * @param passes       the network's fast pass for a number of rows ({@code ActorCriticNet::pass})
     * @param observations {@code [B, inputSize]}, read once here
     */
    public FixedInputPass(GraphNetwork net, IntFunction<DensePass> passes, INDArray observations) {
        if (observations.columns() != net.inputSize()) {
            throw new IllegalArgumentException("observations " + Arrays.toString(observations.shape()) + " do not have "
                    + net.inputSize() + " features");
        }
        this.net = net;
        this.rows = (int) observations.rows();
        this.actions = net.actionCount();
        this.roundToFloat = net.dataType() == DataType.FLOAT;
        ParameterLayout layout = ParameterLayout.of(net.graph());
        ParameterLayout.Block first = layout.block(GraphNetwork.TORSO_0);
        this.h0 = first.nOut();
        this.input = new ProbeInput(NativeMemory.toDoubles(observations), rows, first.nIn());
        int k = input.active().length;
        this.support = support(layout.size(), first, input.active());
        this.firstWeight = first.offset();
        this.firstBias = first.offset() + k * h0;
        this.runs = runs(support, first);
        this.padded = (input.unique() + PAD - 1) / PAD * PAD;
        this.pass = passes.apply(padded);
        weights = new double[k * h0];
        bias = new double[h0];
        z = new double[padded * h0];
        dz = new double[padded * h0];
        logits = new double[padded * actions];
        values = new double[padded];
        dLogitsSum = new double[padded * actions];
        dValuesSum = new double[padded];
        z0Flat = Flat.of(pass.firstPreActivation());
        dz0Flat = Flat.of(pass.firstPreActivationGradient());
    }

    /** Every parameter but the first layer's weights from inactive columns, ascending. */
    private static int[] support(int size, ParameterLayout.Block first, int[] active) {
        int dropped = (first.nIn() - active.length) * first.nOut();
        int[] s = new int[size - dropped];
        int at = 0;
        for (int i = 0; i < first.offset(); i++) {
            s[at++] = i;
        }
        for (int m = 0; m < first.nOut(); m++) {
            for (int c : active) {
                s[at++] = first.weightIndex(c, m);
            }
        }
        for (int i = first.biasIndex(0); i < size; i++) {
            s[at++] = i;
        }
        return s;
    }

    /** The support's runs of consecutive parameters outside {@code first}: {flat index, support position, length}. */
    private static int[][] runs(int[] support, ParameterLayout.Block first) {
        List<int[]> runs = new ArrayList<>();
        int end = first.offset() + first.size();
        for (int p = 0; p < support.length; ) {
            if (support[p] >= first.offset() && support[p] < end) {
                p++;
                continue;
            }
            int q = p + 1;
            while (q < support.length && support[q] == support[q - 1] + 1
                    && (support[q] < first.offset() || support[q] >= end)) {
                q++;
            }
            runs.add(new int[] {support[p], p, q - p});
            p = q;
        }
        return runs.toArray(new int[0][]);
    }

    /** The flat indices of the parameters the batch's outputs depend on, ascending (the array itself: do not change). */
    public int[] support() {
        return support;
    }

    /** Rows of the batch, {@code B}. */
    public int batchSize() {
        return rows;
    }

    /** Distinct rows of the batch (the network runs on these, padded to a multiple of {@value #PAD}). */
    public int distinctRows() {
        return input.unique();
    }

    /** Active input columns (non-zero in some row). */
    public int activeColumns() {
        return input.active().length;
    }

    /** Non-zeros of the distinct rows' residual (for the first layer's cost). */
    public int residualNonZeros() {
        return input.residualNonZeros();
    }

    /**
     * The training forward pass at parameters given on the support.
     *
     * @param theta     the parameters on the support, {@code [support().length]}
     * @param logitsOut {@code [B * A]} row-major, written
     * @param valuesOut {@code [B]}, written
     */
    public void forward(double[] theta, double[] logitsOut, double[] valuesOut) {
        bind();
        for (int[] run : runs) {
            paramsFlat.write(run[0], theta, run[1], run[2]);
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = round(theta[firstWeight + i]);
        }
        for (int m = 0; m < h0; m++) {
            bias[m] = round(theta[firstBias + m]);
        }
        input.preActivation(weights, bias, z, padded);
        z0Flat.write(z, padded * h0);
        pass.leaveFirstLayerOutside();
        pass.hostTanhGradient(true);
        pass.forward(logits, values);
        for (int b = 0; b < rows; b++) {
            int u = input.distinct(b);
            System.arraycopy(logits, u * actions, logitsOut, b * actions, actions);
            valuesOut[b] = values[u];
        }
    }

    /**
     * Backpropagates dLoss/dLogits and dLoss/dValue through the last {@link #forward}; may be called several times
     * after one forward (one loss term each).
     *
     * @param dLogits     {@code [B * A]} row-major
     * @param dValues     {@code [B]}
     * @param gradientOut receives dLoss/dθ on the support, {@code [support().length]}
     */
    public void backward(double[] dLogits, double[] dValues, double[] gradientOut) {
        Arrays.fill(dLogitsSum, 0);
        Arrays.fill(dValuesSum, 0);
        for (int b = 0; b < rows; b++) {
            int u = input.distinct(b);
            for (int a = 0; a < actions; a++) {
                dLogitsSum[u * actions + a] += dLogits[b * actions + a];
            }
            dValuesSum[u] += dValues[b];
        }
        pass.leaveFirstLayerOutside();
        pass.backward(dLogitsSum, dValuesSum);
        bind();
        for (int[] run : runs) {
            gradientFlat.read(run[0], gradientOut, run[1], run[2]);
        }
        dz0Flat.read(0, dz, 0, padded * h0);
        input.weightGradient(dz, padded, h0, gradientOut, firstWeight, gradientOut, firstBias);
    }

    private double round(double v) {
        return roundToFloat ? (float) v : v;
    }

    /** The evaluated network's flat parameter and gradient buffers (root arrays), looked up again if replaced. */
    private void bind() {
        if (paramsView != net.params()) {
            paramsView = net.params();
            paramsFlat = Flat.of(paramsView);
        }
        INDArray g = net.graph().getGradientsViewArray(); // the root array (GraphNetwork.gradient may be a view of it)
        if (g != null && gradientView != g) {
            gradientView = g;
            gradientFlat = Flat.of(g);
        }
    }
}
