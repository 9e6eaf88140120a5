package dev.lantern.agents.nn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A fixed batch of inputs {@code X [B, in]} in the shape a first dense layer can use: its distinct rows (a probe drawn
 * from a rollout repeats states), and each distinct row as the batch's most common row plus a sparse residual.
 *
 * <p>Only the active columns (non-zero in some row) are kept, {@code k} of them. Per active column {@code j}, {@code c_j}
 * is its most common value, and the residual {@code R = X_u − 1 cᵀ} of the distinct rows {@code X_u} is kept as sparse
 * rows and columns. On a grid's one-hot planes every state shares the walls and the floor, so a residual row holds the
 * few cells where the state differs from the most common one. Then, exactly (rounding aside),
 *
 * <pre>
 *   z = x W + b = 1 (b + cᵀ W) + R W          dW = X_uᵀ δ = c (1ᵀ δ) + Rᵀ δ,   db = 1ᵀ δ
 * </pre>
 *
 * in {@code (k + nnz(R)) h} multiply-adds each way instead of {@code B k h} ({@code h} neurons). Plain Java, in double
 * precision.
 */
final class ProbeInput {

    private final int rows;
    private final int[] active;
    private final int[] rowOf;
    private final int unique;
    private final int[] commonColumns;
    private final double[] commonValues;
    private final int[] rowStart;
    private final int[] rowColumn;
    private final double[] rowValue;
    private final int[] columnStart;
    private final int[] columnRow;
    private final double[] columnValue;

    /**
     * @param x      the batch, {@code [rows * inputs]} row-major
     * @param rows   {@code B}
     * @param inputs features per row
     */
    ProbeInput(double[] x, int rows, int inputs) {
        this.rows = rows;
        this.active = activeColumns(x, rows, inputs);
        int k = active.length;
        double[] common = new double[k];
        int commonCount = 0;
        for (int c = 0; c < k; c++) {
            common[c] = mostCommon(x, rows, inputs, active[c]);
            commonCount += common[c] != 0 ? 1 : 0;
        }
        commonColumns = new int[commonCount];
        commonValues = new double[commonCount];
        for (int c = 0, at = 0; c < k; c++) {
            if (common[c] != 0) {
                commonColumns[at] = c;
                commonValues[at++] = common[c];
            }
        }
        // distinct rows, in order of first appearance, each with its residual
        rowOf = new int[rows];
        Map<String, Integer> seen = new HashMap<>();
        int[][] columns = new int[rows][];
        double[][] values = new double[rows][];
        int nnz = 0;
        int[] perColumn = new int[k];
        StringBuilder key = new StringBuilder();
        for (int b = 0; b < rows; b++) {
            key.setLength(0);
            for (int c = 0; c < k; c++) {
                double v = x[b * inputs + active[c]];
                if (v != common[c]) {
                    key.append(c).append(':').append(Double.doubleToLongBits(v)).append(';');
                }
            }
            Integer u = seen.putIfAbsent(key.toString(), seen.size());
            if (u != null) {
                rowOf[b] = u;
                continue;
            }
            int id = seen.size() - 1;
            rowOf[b] = id;
            int count = 0;
            for (int c = 0; c < k; c++) {
                count += x[b * inputs + active[c]] != common[c] ? 1 : 0;
            }
            columns[id] = new int[count];
            values[id] = new double[count];
            for (int c = 0, e = 0; c < k; c++) {
                double v = x[b * inputs + active[c]];
                if (v != common[c]) {
                    columns[id][e] = c;
                    values[id][e++] = v - common[c];
                    perColumn[c]++;
                }
            }
            nnz += count;
        }
        unique = seen.size();
        rowStart = new int[unique + 1];
        rowColumn = new int[nnz];
        rowValue = new double[nnz];
        for (int u = 0; u < unique; u++) {
            rowStart[u + 1] = rowStart[u] + columns[u].length;
            System.arraycopy(columns[u], 0, rowColumn, rowStart[u], columns[u].length);
            System.arraycopy(values[u], 0, rowValue, rowStart[u], values[u].length);
        }
        columnStart = new int[k + 1];
        for (int c = 0; c < k; c++) {
            columnStart[c + 1] = columnStart[c] + perColumn[c];
        }
        columnRow = new int[nnz];
        columnValue = new double[nnz];
        int[] fill = Arrays.copyOf(columnStart, k);
        for (int u = 0; u < unique; u++) {
            for (int e = rowStart[u]; e < rowStart[u + 1]; e++) {
                int at = fill[rowColumn[e]]++;
                columnRow[at] = u;
                columnValue[at] = rowValue[e];
            }
        }
    }

    /** The columns of {@code x} non-zero in some row, ascending. */
    private static int[] activeColumns(double[] x, int rows, int inputs) {
        boolean[] mark = new boolean[inputs];
        int count = 0;
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < inputs; i++) {
                if (x[b * inputs + i] != 0 && !mark[i]) {
                    mark[i] = true;
                    count++;
                }
            }
        }
        int[] out = new int[count];
        for (int i = 0, at = 0; i < inputs; i++) {
            if (mark[i]) {
                out[at++] = i;
            }
        }
        return out;
    }

    /** The most frequent value of column {@code i} (ties: the smallest). */
    private static double mostCommon(double[] x, int rows, int inputs, int i) {
        double[] column = new double[rows];
        for (int b = 0; b < rows; b++) {
            column[b] = x[b * inputs + i];
        }
        Arrays.sort(column);
        double best = column[0];
        int bestRun = 0;
        for (int from = 0; from < rows; ) {
            int to = from;
            while (to < rows && column[to] == column[from]) {
                to++;
            }
            if (to - from > bestRun) {
                bestRun = to - from;
                best = column[from];
            }
            from = to;
        }
        return best;
    }

    /** Rows of the batch, {@code B}. */
    int rows() {
        return rows;
    }

    /** The active columns, ascending (the array itself). */
    int[] active() {
        return active;
    }

    /** Distinct rows, {@code U}. */
    int unique() {
        return unique;
    }

    /** The distinct row of batch row {@code b}, in {@code [0, U)}. */
    int distinct(int b) {
        return rowOf[b];
    }

    /** Non-zeros of the residual of the distinct rows. */
    int residualNonZeros() {
        return rowColumn.length;
    }

    /**
     * The distinct rows' pre-activations {@code z = x W + b}.
     *
     * @param weights {@code [h * k]}, neuron {@code m}'s weight from active column {@code c} at {@code m k + c}
     * @param bias    {@code [h]}
     * @param zOut    receives {@code z} column-major, neuron {@code m}, distinct row {@code u} at {@code m stride + u}
     * @param stride  {@code >= U}; the entries from {@code U} to {@code stride} of each neuron are set to its
     *                {@code b + cᵀ W} (the common row's pre-activation)
     */
    void preActivation(double[] weights, double[] bias, double[] zOut, int stride) {
        int k = active.length;
        for (int m = 0; m < bias.length; m++) {
            int w = m * k;
            double base = bias[m];
            for (int c = 0; c < commonColumns.length; c++) {
                base += commonValues[c] * weights[w + commonColumns[c]];
            }
            int out = m * stride;
            for (int u = 0; u < unique; u++) {
                double s = base;
                for (int e = rowStart[u], end = rowStart[u + 1]; e < end; e++) {
                    s += rowValue[e] * weights[w + rowColumn[e]];
                }
                zOut[out + u] = s;
            }
            Arrays.fill(zOut, out + unique, out + stride, base);
        }
    }

    /**
     * The first layer's gradient from dLoss/dz of the distinct rows (each the sum over the batch rows it stands for).
     *
     * @param dz          {@code [h * stride]} column-major as in {@link #preActivation}; entries past {@code U} ignored
     * @param stride      as in {@link #preActivation}
     * @param h           neurons
     * @param weightsOut  receives dW, {@code [h * k]} neuron-major from {@code weightsAt}
     * @param weightsAt   where dW starts in {@code weightsOut}
     * @param biasOut     receives db, {@code [h]} from {@code biasAt}
     * @param biasAt      where db starts in {@code biasOut}
     */
    void weightGradient(double[] dz, int stride, int h, double[] weightsOut, int weightsAt, double[] biasOut,
            int biasAt) {
        int k = active.length;
        for (int m = 0; m < h; m++) {
            int from = m * stride;
            double sum = 0;
            for (int u = 0; u < unique; u++) {
                sum += dz[from + u];
            }
            biasOut[biasAt + m] = sum;
            int w = weightsAt + m * k;
            Arrays.fill(weightsOut, w, w + k, 0);
            for (int c = 0; c < commonColumns.length; c++) {
                weightsOut[w + commonColumns[c]] = commonValues[c] * sum;
            }
            for (int c = 0; c < k; c++) {
                double s = weightsOut[w + c];
                for (int e = columnStart[c], end = columnStart[c + 1]; e < end; e++) {
                    s += columnValue[e] * dz[from + columnRow[e]];
                }
                weightsOut[w + c] = s;
            }
        }
    }
}
