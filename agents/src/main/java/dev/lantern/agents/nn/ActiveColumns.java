package dev.lantern.agents.nn;

import java.util.Arrays;

/**
 * {@link DensePass}'s first layer on a batch whose input is sparse in columns (one-hot grid observations: the walls,
 * the goal and the cells the agents stand on), in Java. The columns non-zero somewhere in the batch are split in two:
 * <em>constant</em> columns hold the same value in every row (a map's walls and goal, the same in every observation),
 * <em>varying</em> ones do not (where the agent stands). The constant columns' share of the pre-activation is the same
 * for every row, so it is computed once per call and folded into the bias:
 *
 * <pre>
 *   base_j   = b0_j + Σ_{c constant} v_c W0[c, j]
 *   z0[b, j] = base_j + Σ_{c varying, x[b, c] ≠ 0} x[b, c] W0[c, j]
 * </pre>
 *
 * and backward, with {@code db0 = Σ_b dz0[b, ·]}, {@code dW0[c, ·] = v_c db0} for a constant column and
 * {@code Σ_b x[b, c] dz0[b, ·]} for a varying one; every other column's gradient is an exact zero. On a grid world a row
 * then costs a weight row or two instead of a product over all the batch's active columns. Sums run in double
 * precision, rounded once to the network's type; they add the same terms as the dense product in another order.
 */
final class ActiveColumns {

    private final int batch;
    private final int inputSize;
    private final int h0;
    private final double[] inputValues;
    private final int[] anyBits; // per column: non-zero where some row's value is non-zero
    private final int[] active;
    private int activeCount;
    private boolean sparse;
    // the active columns split: constant ones with their value, varying ones in column order
    private final int[] constantColumns;
    private final double[] constantValues;
    private int constantCount;
    private final int[] varyingColumns;
    private int varyingCount;
    // per row, its non-zero entries in the varying columns: entries rowStart[b] .. rowStart[b + 1] - 1
    private final int[] rowStart;
    private int[] entryColumn = new int[0]; // index into varyingColumns
    private double[] entryValue = new double[0];
    private final double[] base;
    private final double[] bias;
    private double[] varyingWeights = new double[0]; // [varyingCount][h0]
    private final double[] rows;                      // [B][h0] row-major
    private final double[] block;                     // [B, h0] 'f'

    ActiveColumns(int batch, int inputSize, int h0) {
        this.batch = batch;
        this.inputSize = inputSize;
        this.h0 = h0;
        inputValues = new double[batch * inputSize];
        anyBits = new int[inputSize];
        active = new int[inputSize];
        constantColumns = new int[inputSize];
        constantValues = new double[inputSize];
        varyingColumns = new int[inputSize];
        rowStart = new int[batch + 1];
        base = new double[h0];
        bias = new double[h0];
        rows = new double[batch * h0];
        block = new double[batch * h0];
    }

    /** The batch's input as plain numbers, {@code [B * inputSize]} row-major: fill it, then call {@link #prepare()}. */
    double[] values() {
        return inputValues;
    }

    /** True if the last {@code prepare} found at most half of the columns active. */
    boolean sparse() {
        return sparse;
    }

    /** Finds the active columns of {@link #values()}; if they are few, splits them and lists each row's entries. */
    boolean prepare() {
        Arrays.fill(anyBits, 0);
        for (int b = 0; b < batch; b++) {
            int o = b * inputSize;
            for (int i = 0; i < inputSize; i++) {
                if (inputValues[o + i] != 0) {
                    anyBits[i] = 1;
                }
            }
        }
        if (!select()) {
            return false;
        }
        constantCount = 0;
        varyingCount = 0;
        for (int a = 0; a < activeCount; a++) {
            int c = active[a];
            long first = Double.doubleToRawLongBits(inputValues[c]);
            boolean constant = true;
            for (int b = 1; b < batch && constant; b++) {
                constant = Double.doubleToRawLongBits(inputValues[b * inputSize + c]) == first;
            }
            classify(c, constant, inputValues[c]);
        }
        int e = 0;
        for (int b = 0; b < batch; b++) {
            rowStart[b] = e;
            int o = b * inputSize;
            for (int v = 0; v < varyingCount; v++) {
                double x = inputValues[o + varyingColumns[v]];
                if (x != 0) {
                    e = entry(e, v, x);
                }
            }
        }
        rowStart[batch] = e;
        return true;
    }

    /**
     * {@link #prepare()} straight from float observations, {@code [B * inputSize]} row-major (at least that long),
     * without {@link #values()}: the same active columns (a column is active where a value {@code != 0}: the bits
     * without the sign are not all zero), the same split and the same entries.
     */
    boolean prepare(float[] observations) {
        Arrays.fill(anyBits, 0);
        for (int b = 0; b < batch; b++) {
            int o = b * inputSize;
            for (int i = 0; i < inputSize; i++) {
                anyBits[i] |= Float.floatToRawIntBits(observations[o + i]) & 0x7fffffff;
            }
        }
        if (!select()) {
            return false;
        }
        constantCount = 0;
        varyingCount = 0;
        for (int a = 0; a < activeCount; a++) {
            int c = active[a];
            int first = Float.floatToRawIntBits(observations[c]);
            boolean constant = true;
            for (int b = 1; b < batch && constant; b++) {
                constant = Float.floatToRawIntBits(observations[b * inputSize + c]) == first;
            }
            classify(c, constant, observations[c]);
        }
        int e = 0;
        for (int b = 0; b < batch; b++) {
            rowStart[b] = e;
            int o = b * inputSize;
            for (int v = 0; v < varyingCount; v++) {
                float x = observations[o + varyingColumns[v]];
                if (x != 0) {
                    e = entry(e, v, x);
                }
            }
        }
        rowStart[batch] = e;
        return true;
    }

    private void classify(int column, boolean constant, double value) {
        if (constant) {
            constantColumns[constantCount] = column;
            constantValues[constantCount++] = value;
        } else {
            varyingColumns[varyingCount++] = column;
        }
    }

    private int entry(int e, int varying, double value) {
        if (e == entryColumn.length) {
            int grown = Math.max(2 * e, batch);
            entryColumn = Arrays.copyOf(entryColumn, grown);
            entryValue = Arrays.copyOf(entryValue, grown);
        }
        entryColumn[e] = varying;
        entryValue[e] = value;
        return e + 1;
    }

    /** From the columns marked in {@link #anyBits}: sparse or not, and if sparse the active list. */
    private boolean select() {
        int count = 0;
        for (int i = 0; i < inputSize; i++) {
            if (anyBits[i] != 0) {
                active[count++] = i;
            }
        }
        activeCount = count;
        sparse = 2 * count <= inputSize;
        return sparse;
    }

    /**
     * {@code z0 = x W0 + b0} into {@code z0} ({@code [B, h0]} 'f'); {@code p} holds the parameters, W0 ({@code [in, h0]}
     * 'f') at {@code w0}, b0 at {@code b0}.
     */
    void forward(Flat p, int w0, int b0, Flat z0) {
        if (varyingWeights.length < varyingCount * h0) {
            varyingWeights = new double[varyingCount * h0];
        }
        double[] wv = varyingWeights;
        for (int j = 0; j < h0; j++) {
            int col = w0 + j * inputSize;
            double acc = p.get(b0 + j);
            for (int c = 0; c < constantCount; c++) {
                acc += constantValues[c] * p.get(col + constantColumns[c]);
            }
            base[j] = acc;
            for (int v = 0; v < varyingCount; v++) {
                wv[v * h0 + j] = p.get(col + varyingColumns[v]);
            }
        }
        for (int b = 0; b < batch; b++) {
            int r = b * h0;
            System.arraycopy(base, 0, rows, r, h0);
            for (int e = rowStart[b]; e < rowStart[b + 1]; e++) {
                double x = entryValue[e];
                int w = entryColumn[e] * h0;
                for (int j = 0; j < h0; j++) {
                    rows[r + j] += x * wv[w + j];
                }
            }
        }
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < h0; j++) {
                block[j * batch + b] = rows[b * h0 + j];
            }
        }
        z0.write(0, block, 0, batch * h0);
    }

    /** {@code [dW0; db0] = xᵀ dz0} into the gradient {@code g} (W0 at {@code w0}, zeros on the inactive columns). */
    void backward(Flat dz0, Flat g, int w0, int b0) {
        dz0.read(0, block, 0, batch * h0);
        for (int j = 0; j < h0; j++) {
            double sum = 0;
            int o = j * batch;
            for (int b = 0; b < batch; b++) {
                double d = block[o + b];
                sum += d;
                rows[b * h0 + j] = d;
            }
            bias[j] = sum;
        }
        double[] dv = varyingWeights; // reused: [varyingCount][h0], the varying columns' gradient
        if (dv.length < varyingCount * h0) {
            dv = varyingWeights = new double[varyingCount * h0];
        }
        Arrays.fill(dv, 0, varyingCount * h0, 0);
        for (int b = 0; b < batch; b++) {
            int r = b * h0;
            for (int e = rowStart[b]; e < rowStart[b + 1]; e++) {
                double x = entryValue[e];
                int w = entryColumn[e] * h0;
                for (int j = 0; j < h0; j++) {
                    dv[w + j] += x * rows[r + j];
                }
            }
        }
        g.zero(w0, inputSize * h0);
        for (int j = 0; j < h0; j++) {
            int col = w0 + j * inputSize;
            double db = bias[j];
            for (int c = 0; c < constantCount; c++) {
                g.put(col + constantColumns[c], constantValues[c] * db);
            }
            for (int v = 0; v < varyingCount; v++) {
                g.put(col + varyingColumns[v], dv[v * h0 + j]);
            }
            g.put(b0 + j, db);
        }
    }

    /**
     * Takes the batch that {@code other} (same batch, input and layer sizes) prepared last, without scanning it again:
     * its active columns, split and entries. {@link #values()} is left as it was (it is only read by
     * {@link #prepare()}).
     */
    void copyFrom(ActiveColumns other) {
        if (other.batch != batch || other.inputSize != inputSize || other.h0 != h0) {
            throw new IllegalArgumentException("cannot take the input of a batch of " + other.batch + " x "
                    + other.inputSize + " (first layer " + other.h0 + ") into a batch of " + batch + " x " + inputSize
                    + " (first layer " + h0 + ")");
        }
        sparse = other.sparse;
        activeCount = other.activeCount;
        if (!sparse) {
            return;
        }
        System.arraycopy(other.active, 0, active, 0, activeCount);
        constantCount = other.constantCount;
        System.arraycopy(other.constantColumns, 0, constantColumns, 0, constantCount);
        System.arraycopy(other.constantValues, 0, constantValues, 0, constantCount);
        varyingCount = other.varyingCount;
        System.arraycopy(other.varyingColumns, 0, varyingColumns, 0, varyingCount);
        System.arraycopy(other.rowStart, 0, rowStart, 0, batch + 1);
        int entries = other.rowStart[batch];
        if (entryColumn.length < entries) {
            entryColumn = new int[entries];
            entryValue = new double[entries];
        }
        System.arraycopy(other.entryColumn, 0, entryColumn, 0, entries);
        System.arraycopy(other.entryValue, 0, entryValue, 0, entries);
    }
}
