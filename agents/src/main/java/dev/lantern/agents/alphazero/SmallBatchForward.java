package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.api.ParameterVectors;
import dev.lantern.agents.nn.ActorCriticNet;

/**
 * The actor-critic network's inference for a few rows at a time, in plain Java loops over a copy of its parameters:
 * what a search's leaf evaluations need, a handful of positions per call, thousands of calls per second, where the
 * native calls of a forward pass cost more than its arithmetic. The same function as {@link ActorCriticNet#outputs}
 * ({@code tanh(tanh(x W0 + b0) W1 + b1)} into the two identity heads), computed in double precision whatever the
 * network's type, so it agrees with the graph's own output up to that type's rounding.
 *
 * <p>The first layer sums only the weight rows of the input's non-zero features (board observations are one-hot
 * planes); the other layers run row by row over weights laid out input-major, the inner loops over contiguous
 * memory. tanh is {@code (1 - e) / (1 + e)} with {@code e = exp(-2|x|)}, the sign restored: within a few units of
 * 1e-16 of the exact value, several times cheaper than {@link Math#tanh}.
 *
 * <p>The parameters are read at {@link #load()}: the caller loads again whenever they may have changed. It reads the
 * network's host buffer, so only on the {@link ComputePath#HOST_BUFFERS} path. One instance per network, one thread.
 */
final class SmallBatchForward {

    private final ActorCriticNet net;
    private final int in;
    private final int h0;
    private final int h1;
    private final int width; // actions + 1: the logits, then the value
    private final ParameterLayout layout;
    private final double[] w0; // [in][h0], input-major
    private final double[] b0;
    private final double[] w1; // [h0][h1]
    private final double[] b1;
    private final double[] wh; // [h1][width]: policy weights, then the value weight
    private final double[] bh;
    private final double[] flat;
    private final float[] scratch;
    private double[] a0 = new double[0];
    private double[] a1 = new double[0];
    private double[] out = new double[0];

    SmallBatchForward(ActorCriticNet net) {
        this.net = net;
        this.in = net.inputSize();
        int[] hidden = net.hidden();
        this.h0 = hidden[0];
        this.h1 = hidden[1];
        this.width = net.actionCount() + 1;
        this.layout = ParameterLayout.of(net.graph());
        int n = (int) net.parameterCount();
        this.flat = new double[n];
        this.scratch = new float[n];
        this.w0 = new double[in * h0];
        this.b0 = new double[h0];
        this.w1 = new double[h0 * h1];
        this.b1 = new double[h1];
        this.wh = new double[h1 * width];
        this.bh = new double[width];
    }

    /** Reads the network's current parameters into the loops' layouts. */
    void load() {
        ComputePath.requireHostBuffers("the search's small-batch forward (SmallBatchForward)");
        ParameterVectors.read(net.params(), flat, scratch);
        ParameterLayout.Block l0 = layout.block(ActorCriticNet.TORSO_0);
        ParameterLayout.Block l1 = layout.block(ActorCriticNet.TORSO_1);
        ParameterLayout.Block policy = layout.block(ActorCriticNet.POLICY);
        ParameterLayout.Block value = layout.block(ActorCriticNet.VALUE);
        transpose(l0, w0, b0, h0, 0);
        transpose(l1, w1, b1, h1, 0);
        transpose(policy, wh, bh, width, 0);
        transpose(value, wh, bh, width, width - 1);
    }

    /** Copies {@code block}'s weights into {@code w[i * stride + at + j]} and its biases into {@code b[at + j]}. */
    private void transpose(ParameterLayout.Block block, double[] w, double[] b, int stride, int at) {
        for (int j = 0; j < block.nOut(); j++) {
            int from = block.weightIndex(0, j);
            for (int i = 0; i < block.nIn(); i++) {
                w[i * stride + at + j] = flat[from + i];
            }
            b[at + j] = flat[block.biasIndex(j)];
        }
    }

    /**
     * The heads' outputs for {@code rows} observations.
     *
     * @param obs    {@code [rows * inputSize]} row-major, at least that long
     * @param logits receives {@code [rows * actions]} row-major
     * @param values receives {@code [rows]}, the value head before any squashing
     */
    void forward(float[] obs, int rows, double[] logits, double[] values) {
        if (a0.length < rows * h0) {
            a0 = new double[rows * h0];
            a1 = new double[rows * h1];
            out = new double[rows * width];
        }
        for (int r = 0; r < rows; r++) {
            int z = r * h0;
            System.arraycopy(b0, 0, a0, z, h0);
            int x = r * in;
            for (int i = 0; i < in; i++) {
                double v = obs[x + i];
                if (v == 1) {
                    int w = i * h0;
                    for (int j = 0; j < h0; j++) {
                        a0[z + j] += w0[w + j];
                    }
                } else if (v != 0) {
                    axpy(v, w0, i * h0, a0, z, h0);
                }
            }
        }
        tanh(a0, rows * h0);
        dense(a0, h0, w1, b1, h1, a1, rows);
        tanh(a1, rows * h1);
        dense(a1, h1, wh, bh, width, out, rows);
        int actions = width - 1;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(out, r * width, logits, r * actions, actions);
            values[r] = out[r * width + actions];
        }
    }

    /**
     * {@code y[r] = b + x[r] W} for each row, {@code W [nIn][nOut]} input-major: two rows at a time, so that each weight
     * row is read once for both.
     */
    private static void dense(double[] x, int nIn, double[] w, double[] b, int nOut, double[] y, int rows) {
        int r = 0;
        for (; r + 1 < rows; r += 2) {
            int y0 = r * nOut;
            int y1 = y0 + nOut;
            System.arraycopy(b, 0, y, y0, nOut);
            System.arraycopy(b, 0, y, y1, nOut);
            int x0 = r * nIn;
            int x1 = x0 + nIn;
            for (int i = 0; i < nIn; i++) {
                double v0 = x[x0 + i];
                double v1 = x[x1 + i];
                int wi = i * nOut;
                for (int j = 0; j < nOut; j++) {
                    double wij = w[wi + j];
                    y[y0 + j] += v0 * wij;
                    y[y1 + j] += v1 * wij;
                }
            }
        }
        for (; r < rows; r++) {
            int yr = r * nOut;
            System.arraycopy(b, 0, y, yr, nOut);
            int xr = r * nIn;
            for (int i = 0; i < nIn; i++) {
                axpy(x[xr + i], w, i * nOut, y, yr, nOut);
            }
        }
    }

    private static void axpy(double a, double[] x, int xFrom, double[] y, int yFrom, int n) {
        for (int j = 0; j < n; j++) {
            y[yFrom + j] += a * x[xFrom + j];
        }
    }

    /** tanh in place over {@code v[0, n)}. */
    private static void tanh(double[] v, int n) {
        for (int i = 0; i < n; i++) {
            v[i] = tanh(v[i]);
        }
    }

    /** {@code tanh(x)} from one {@link Math#exp}: {@code (1 - e) / (1 + e)}, {@code e = exp(-2|x|)}. */
    static double tanh(double x) {
        double e = Math.exp(-2 * Math.abs(x));
        double t = (1 - e) / (1 + e);
        return x < 0 ? -t : t;
    }
}
