package dev.lantern.agents.nn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link DensePass}'s first layer on a batch whose input is sparse in columns (one-hot grid observations: the walls,
 * the floor and the cells the agents stand on): the columns non-zero anywhere in the batch, and per padded column count
 * the compressed first layer, input {@code [B, k]} with a ones column at {@code activeCount} and weights
 * {@code [k, h0]} with the bias in that row. The terms skipped are exact zeros.
 */
final class ActiveColumns {

    private final DataType type;
    private final int batch;
    private final int inputSize;
    private final int h0;
    private final double[] inputValues;
    private final boolean[] activeMark;
    private final int[] active;
    private int activeCount;
    private boolean sparse;
    private Compressed compressed;
    private final Map<Integer, Compressed> compressedBySize = new HashMap<>();
    private double[] scratch = new double[0];

    private final class Compressed {
        final int k;
        final INDArray x;
        final INDArray w;
        final INDArray dw;
        final Flat xFlat;
        final Flat wFlat;
        final Flat dwFlat;

        Compressed(int k) {
            this.k = k;
            x = Nd4j.create(type, new long[] {batch, k}, 'c');
            w = Nd4j.create(type, new long[] {k, h0}, 'f');
            dw = Nd4j.create(type, new long[] {k, h0}, 'f');
            xFlat = Flat.of(x);
            wFlat = Flat.of(w);
            dwFlat = Flat.of(dw);
        }
    }

    ActiveColumns(DataType type, int batch, int inputSize, int h0) {
        this.type = type;
        this.batch = batch;
        this.inputSize = inputSize;
        this.h0 = h0;
        inputValues = new double[batch * inputSize];
        activeMark = new boolean[inputSize];
        active = new int[inputSize];
    }

    /** The batch's input as plain numbers, {@code [B * inputSize]} row-major: fill it, then call {@link #prepare()}. */
    double[] values() {
        return inputValues;
    }

    /** True if the last {@link #prepare()} found at most half of the columns active. */
    boolean sparse() {
        return sparse;
    }

    /** Finds the active columns of {@link #values()}; if they are few, fills the compressed input. */
    boolean prepare() {
        Arrays.fill(activeMark, false);
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
        sparse = 2 * count <= inputSize;
        if (!sparse) {
            return false;
        }
        activeCount = 0;
        for (int i = 0; i < inputSize; i++) {
            if (activeMark[i]) {
                active[activeCount++] = i;
            }
        }
        int k = (activeCount + 1 + 15) / 16 * 16; // the ones column included; padded, so that few sizes are made
        compressed = compressedBySize.computeIfAbsent(k, Compressed::new);
        double[] xc = scratch(batch * k);
        for (int b = 0; b < batch; b++) {
            int from = b * inputSize;
            int to = b * k;
            for (int c = 0; c < activeCount; c++) {
                xc[to + c] = inputValues[from + active[c]];
            }
            xc[to + activeCount] = 1;
            Arrays.fill(xc, to + activeCount + 1, to + k, 0);
        }
        compressed.xFlat.write(xc, batch * k);
        return true;
    }

    /** {@code z0 = x W0 + b0} on the active columns; {@code p} holds the parameters, W0 at {@code w0}, b0 at {@code b0}. */
    void forward(Flat p, int w0, int b0, INDArray z0) {
        int k = compressed.k;
        double[] wc = scratch(k * h0);
        for (int j = 0; j < h0; j++) {
            int col = w0 + j * inputSize;
            int to = j * k;
            for (int c = 0; c < activeCount; c++) {
                wc[to + c] = p.get(col + active[c]);
            }
            wc[to + activeCount] = p.get(b0 + j);
            Arrays.fill(wc, to + activeCount + 1, to + k, 0);
        }
        compressed.wFlat.write(wc, k * h0);
        Nd4j.gemm(compressed.x, compressed.w, z0, false, false, 1.0, 0.0);
    }

    /** {@code [dW0; db0] = xᵀ dz0} into the gradient {@code g} (W0 at {@code w0}, zeros on the inactive columns). */
    void backward(INDArray dz0, Flat g, int w0, int b0) {
        Nd4j.gemm(compressed.x, dz0, compressed.dw, true, false, 1.0, 0.0);
        int k = compressed.k;
        double[] dw = scratch(k * h0);
        compressed.dwFlat.read(0, dw, 0, k * h0);
        g.zero(w0, inputSize * h0);
        for (int j = 0; j < h0; j++) {
            int col = w0 + j * inputSize;
            int from = j * k;
            for (int c = 0; c < activeCount; c++) {
                g.put(col + active[c], dw[from + c]);
            }
            g.put(b0 + j, dw[from + activeCount]);
        }
    }

    /**
     * Takes the batch that {@code other} (same type, batch and input size) prepared last, without scanning it again:
     * its active columns and compressed input. {@link #values()} is left as it was (it is only read by
     * {@link #prepare()}).
     */
    void copyFrom(ActiveColumns other) {
        if (other.type != type || other.batch != batch || other.inputSize != inputSize) {
            throw new IllegalArgumentException("cannot take the input of a " + other.type + " batch of " + other.batch
                    + " x " + other.inputSize + " into a " + type + " batch of " + batch + " x " + inputSize);
        }
        sparse = other.sparse;
        if (!sparse) {
            return;
        }
        activeCount = other.activeCount;
        System.arraycopy(other.active, 0, active, 0, activeCount);
        compressed = compressedBySize.computeIfAbsent(other.compressed.k, Compressed::new);
        compressed.x.assign(other.compressed.x);
    }

    private double[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new double[size];
        }
        return scratch;
    }
}
