package dev.lantern.analysis.lca;

import dev.lantern.agents.api.ParameterLayout;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters a step is allocated over: every one of the network's {@code n}, or the support of a
 * {@link dev.lantern.agents.api.SupportLoss} (the only parameters its loss depends on; every other one's allocation is
 * exactly zero). Vectors "on the support" hold one entry per supported parameter, in ascending flat index; this class
 * moves values between them and the full layout.
 */
final class ParameterSupport {

    private final int n;
    private final int[] index;
    private final boolean whole;
    private float[] floats;
    private ParameterLayout boundsLayout;
    private int[] bounds;

    private ParameterSupport(int n, int[] index, boolean whole) {
        this.n = n;
        this.index = index;
        this.whole = whole;
    }

    /** All {@code n} parameters. */
    static ParameterSupport all(int n) {
        int[] index = new int[n];
        Arrays.setAll(index, i -> i);
        return new ParameterSupport(n, index, true);
    }

    /**
     * The parameters {@code index} of {@code n}, which must be ascending and in {@code [0, n)}.
     *
     * @throws IllegalArgumentException naming the first bad entry
     */
    static ParameterSupport of(int n, int[] index) {
        for (int k = 0; k < index.length; k++) {
            if (index[k] < 0 || index[k] >= n || (k > 0 && index[k] <= index[k - 1])) {
                throw new IllegalArgumentException("support entry " + k + " is " + index[k] + " (previous "
                        + (k > 0 ? index[k - 1] : "none") + "): a support must ascend within [0, " + n + ")");
            }
        }
        return index.length == n ? all(n) : new ParameterSupport(n, index, false);
    }

    /** The number of parameters on the support. */
    int size() {
        return index.length;
    }

    /** True if this is every parameter. */
    boolean whole() {
        return whole;
    }

    /** The flat indices, ascending (the array itself). */
    int[] indices() {
        return index;
    }

    /** Reads a flat parameter array (FLOAT or DOUBLE, {@code [n]} elements) on the support into {@code out}, widened. */
    void read(INDArray params, double[] out) {
        if (params.dataType() == DataType.DOUBLE && whole) {
            params.data().asNioDouble().get(0, out, 0, n);
            return;
        }
        if (params.dataType() == DataType.DOUBLE) {
            java.nio.DoubleBuffer buf = params.data().asNioDouble();
            for (int k = 0; k < index.length; k++) {
                out[k] = buf.get(index[k]);
            }
            return;
        }
        if (floats == null) {
            floats = new float[n];
        }
        params.data().asNioFloat().get(0, floats, 0, n);
        for (int k = 0; k < index.length; k++) {
            out[k] = floats[index[k]];
        }
    }

    /** A full-layout vector's entries on the support, {@code [size()]} (a new array). */
    double[] gather(double[] full) {
        double[] out = new double[index.length];
        for (int k = 0; k < index.length; k++) {
            out[k] = full[index[k]];
        }
        return out;
    }

    /** A vector on the support in the full layout, zero elsewhere, {@code [n]} (a new array). */
    double[] scatter(double[] onSupport) {
        double[] out = new double[n];
        for (int k = 0; k < index.length; k++) {
            out[index[k]] = onSupport[k];
        }
        return out;
    }

    /**
     * Where each layer's parameters lie on the support: layer {@code l} holds the positions
     * {@code [bounds[l], bounds[l + 1])} (the layout's layers tile the flat vector in order).
     */
    int[] layerBounds(ParameterLayout layout) {
        if (layout != boundsLayout) {
            int layers = layout.layers().size();
            int[] b = new int[layers + 1];
            int k = 0;
            for (int l = 0; l < layers; l++) {
                b[l] = k;
                ParameterLayout.Block block = layout.layers().get(l);
                int end = block.offset() + block.size();
                while (k < index.length && index[k] < end) {
                    k++;
                }
            }
            b[layers] = index.length;
            bounds = b;
            boundsLayout = layout;
        }
        return bounds;
    }
}
