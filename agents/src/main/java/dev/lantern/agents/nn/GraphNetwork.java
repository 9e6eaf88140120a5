package dev.lantern.agents.nn;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.InspectableNetwork;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.lantern.environments.random.Rng;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * What every Lantern network is: a DL4J {@link ComputationGraph} of dense layers with a torso of two tanh layers
 * ({@code torso.dense0}, {@code torso.dense1}) and identity heads, read and updated through its flat parameter and
 * gradient buffers. {@link ActorCriticNet} and {@code dqn.QNet} add their heads.
 *
 * <p>One instance is owned by one thread. {@link #params()} and {@link #gradient()} are live and reused: {@code dup()}
 * what you keep. Analysis never touches a trained network: it gets {@link #inspect()} (over a private copy), and pinned
 * losses evaluate on {@link #shadow()}.
 */
public abstract class GraphNetwork {

    /** Name of the graph input. */
    public static final String INPUT = "obs";
    /** First torso layer. */
    public static final String TORSO_0 = "torso.dense0";
    /** Second torso layer. */
    public static final String TORSO_1 = "torso.dense1";

    private final ComputationGraph graph;
    private final int inputSize;
    private final int actionCount;
    private DefaultGradient flatGradient;
    private GraphNetwork shadow;
    private final Map<Integer, DensePass> passes = new HashMap<>();
    // Input buffers of {@link #outputs}, by row count, reused; the eldest released beyond a handful of sizes.
    private final Map<Integer, INDArray> inputs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, INDArray> eldest) {
            if (size() <= MAX_INPUT_SIZES) {
                return false;
            }
            NativeMemory.release(eldest.getValue());
            return true;
        }
    };

    /** Row counts whose input buffers {@link #outputs} keeps (acting, replay batches, a few search batch sizes). */
    static final int MAX_INPUT_SIZES = 8;

    /** The seed written into DL4J's configuration (see {@link #torso}); it draws nothing that Lantern keeps. */
    static final long DL4J_SEED = 0;

    /**
     * @param graph       the initialized graph this network owns
     * @param inputSize   features per observation
     * @param actionCount outputs of the action head
     */
    protected GraphNetwork(ComputationGraph graph, int inputSize, int actionCount) {
        this.graph = graph;
        this.inputSize = inputSize;
        this.actionCount = actionCount;
    }

    /**
     * The configuration up to the torso: the data type, the updater, workspaces on, the input {@code obs} and the two
     * tanh layers; the caller adds its heads and outputs. DL4J's seed is fixed: its own initial draws are overwritten
     * by Lantern's seeded initialization, and without it DL4J takes the clock, so the {@code configuration.json} inside
     * every checkpoint's {@code network.zip} would differ between two identical runs.
     */
    protected static ComputationGraphConfiguration.GraphBuilder torso(DataType dataType, IUpdater updater,
            int inputSize, int[] hidden) {
        if (hidden.length != 2) {
            throw new IllegalArgumentException("the torso has exactly two layers, got hidden sizes of length " + hidden.length);
        }
        return new NeuralNetConfiguration.Builder()
                .seed(DL4J_SEED)
                .dataType(dataType)
                .updater(updater)
                .miniBatch(false)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.feedForward(inputSize))
                .addLayer(TORSO_0, new DenseLayer.Builder().nOut(hidden[0]).activation(Activation.TANH).build(), INPUT)
                .addLayer(TORSO_1, new DenseLayer.Builder().nOut(hidden[1]).activation(Activation.TANH).build(), TORSO_0);
    }

    /**
     * Builds and initializes the graph of {@code conf}, the torso's weights drawn first from {@code rng}
     * ({@link WeightInit#glorotUniform}, gain 1); the caller then draws its heads' weights from the same stream.
     */
    protected static ComputationGraph initTorso(ComputationGraphConfiguration conf, Rng rng) {
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        WeightInit.glorotUniform(graph, TORSO_0, 1.0, rng);
        WeightInit.glorotUniform(graph, TORSO_1, 1.0, rng);
        return graph;
    }

    /** A dense identity head of {@code width} outputs on {@code torso.dense1}. */
    protected static DenseLayer head(int width) {
        return new DenseLayer.Builder().nOut(width).activation(Activation.IDENTITY).build();
    }

    /** Inputs of the dense layer {@code name} of {@code graph} (the rows of its weight matrix). */
    protected static int fanIn(ComputationGraph graph, String name) {
        return (int) graph.getLayer(name).getParam("W").size(0);
    }

    /** Neurons of the dense layer {@code name} of {@code graph} (the columns of its weight matrix). */
    protected static int fanOut(ComputationGraph graph, String name) {
        return (int) graph.getLayer(name).getParam("W").size(1);
    }

    /** The underlying graph; only the thread that owns this network may touch it. */
    public ComputationGraph graph() {
        return graph;
    }

    /** Features per observation. */
    public int inputSize() {
        return inputSize;
    }

    /** Number of actions (outputs of the action head). */
    public int actionCount() {
        return actionCount;
    }

    /** The network's floating-point type. */
    public DataType dataType() {
        return graph.params().dataType();
    }

    /** Total number of parameters. */
    public long parameterCount() {
        return graph.numParams();
    }

    /** The live flat parameter vector ({@code parameterCount} elements); {@code dup()} what you keep. */
    public INDArray params() {
        return graph.params();
    }

    /** Copies {@code values} into the live parameter vector. */
    public void setParams(INDArray values) {
        graph.params().assign(values);
    }

    /** The live flat gradient buffer filled by {@link #backward}, shaped like {@link #params()}. */
    public INDArray gradient() {
        return Graphs.gradient(graph);
    }

    /** Updates done so far (Adam's step counter). */
    public int iterationCount() {
        return graph.getConfiguration().getIterationCount();
    }

    /** Builds the network's input from {@code rows} observations laid out back to back, {@code [rows, inputSize]}. */
    public INDArray batch(float[] data, int rows) {
        float[] exact = data.length == rows * inputSize ? data : Arrays.copyOf(data, rows * inputSize);
        INDArray in = Nd4j.create(exact, new long[] {rows, inputSize}, 'c');
        if (in.dataType() == dataType()) {
            return in;
        }
        INDArray cast = in.castTo(dataType());
        NativeMemory.release(in);
        return cast;
    }

    /**
     * Inference, the path the agents act with: every output for a batch, nothing kept for backprop.
     *
     * @param obs {@code [B, inputSize]}
     * @return one array per head, in the order of the graph's outputs, {@code [B, width]} each
     */
    public INDArray[] output(INDArray obs) {
        return graph.output(false, obs);
    }

    /**
     * Inference on {@code rows} observations laid out back to back, as {@link #output} of {@link #batch}{@code (data,
     * rows)} (the same numbers), with no native memory left behind: the observations are copied into an input buffer
     * kept for that row count, and the outputs are read into Java arrays and released before this returns. The path
     * the agents act with, called every environment step. The copy writes the input's host buffer directly on the
     * {@link ComputePath#HOST_BUFFERS} path; on the other, the rows become a new array ({@link #batch}).
     *
     * @param data {@code [rows * inputSize]} row-major, at least that long
     * @return one row-major {@code [rows * width]} array per head, in the order of the graph's outputs
     */
    public double[][] outputs(float[] data, int rows) {
        int n = rows * inputSize;
        if (rows < 1 || data.length < n) {
            throw new IllegalArgumentException("expected " + rows + " x " + inputSize + " floats, got " + data.length);
        }
        if (!ComputePath.select().hostBuffers()) {
            INDArray x = batch(data, rows);
            double[][] values = outputValues(output(x));
            NativeMemory.release(x);
            return values;
        }
        INDArray in = inputs.computeIfAbsent(rows, r -> Nd4j.create(dataType(), new long[] {r, inputSize}, 'c'));
        if (in.dataType() == DataType.FLOAT) {
            in.data().asNioFloat().put(0, data, 0, n);
        } else if (in.dataType() == DataType.DOUBLE) {
            java.nio.DoubleBuffer buf = in.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                buf.put(i, data[i]); // exact: every float is a double
            }
        } else {
            INDArray cast = batch(data, rows);
            in.assign(cast);
            NativeMemory.release(cast);
        }
        return outputValues(output(in));
    }

    /** Each output as a row-major Java array, the outputs released. */
    private static double[][] outputValues(INDArray[] out) {
        double[][] values = new double[out.length][];
        for (int i = 0; i < out.length; i++) {
            values[i] = NativeMemory.toDoubles(out[i]);
        }
        NativeMemory.release(out);
        return values;
    }

    /**
     * Training forward pass; keeps activations for {@link #backward}.
     *
     * @param obs {@code [B, inputSize]}
     * @return activations by layer name ({@code obs}, every layer), each {@code [B, width]}; feedForward index 0 is
     *         the input
     */
    public Map<String, INDArray> forward(INDArray obs) {
        return graph.feedForward(new INDArray[] {obs}, true, false);
    }

    /**
     * Backpropagates external errors from the heads; the gradient of the loss lands in {@link #gradient()}. Must
     * follow {@link #forward} on the same batch.
     *
     * @param dOutputs dLoss/dOutput per head, in the order of the graph's outputs, {@code [B, width]} each
     */
    public Gradient backward(INDArray... dOutputs) {
        return graph.backpropGradient(dOutputs);
    }

    /**
     * DL4J's gradient object over the whole live gradient buffer, for {@link #applyUpdate} after a backward that
     * wrote the buffer directly ({@link DensePass}): the updater then works on the flat buffer. Reused, not copied.
     */
    public Gradient flatGradient() {
        if (graph.getGradientsViewArray() == null) {
            graph.initGradientsView();
        }
        if (flatGradient == null || flatGradient.gradient() != graph.getGradientsViewArray()) {
            flatGradient = new DefaultGradient(graph.getGradientsViewArray());
        }
        return flatGradient;
    }

    /**
     * One optimizer step with the gradient of {@link #backward}: the updater transforms the gradient buffer in place
     * into the update, which is subtracted from the parameters; the iteration count advances.
     */
    public void applyUpdate(Gradient gradient) {
        Graphs.applyUpdate(graph, gradient);
    }

    /**
     * The fast training pass for batches of {@code batchSize} rows, made on first use and kept: forward and backward of
     * the torso and every head (in the order of the graph's outputs) with gemm calls into preallocated buffers, the same
     * numbers as {@link #forward} and {@link #backward} up to floating-point rounding ({@link DensePass}). Works on host
     * buffers: only on the {@link ComputePath#HOST_BUFFERS} path.
     *
     * @throws IllegalStateException on the {@link ComputePath#ND4J_OPS} path
     */
    public DensePass pass(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        ComputePath.requireHostBuffers("the fast pass (DensePass)");
        return passes.computeIfAbsent(batchSize, b -> new DensePass(graph, b, inputSize,
                new int[] {fanOut(graph, TORSO_0), fanOut(graph, TORSO_1)}, graph.getConfiguration().getNetworkOutputs()));
    }

    /**
     * The optimizer step on the gradient in {@link #gradient()}: scale it to a global L2 norm of at most
     * {@code maxGradNorm} ({@code <= 0}: no clipping), then Adam, the iteration count advanced. Same arithmetic and
     * same updater state as clipping the buffer and calling {@link #applyUpdate}, in one pass of Java loops over the
     * flat buffers instead of DL4J's Adam op ({@link AdamStep}); takes DL4J's updater instead off the
     * {@link ComputePath#HOST_BUFFERS} path and for an updater the loop does not cover.
     *
     * @return the gradient's L2 norm before clipping
     */
    public double clipAndUpdate(double maxGradNorm) {
        Gradient flat = flatGradient();
        if (ComputePath.select().hostBuffers() && AdamStep.supports(graph)) {
            return AdamStep.apply(graph, maxGradNorm);
        }
        INDArray grad = gradient();
        double norm = grad.norm2Number().doubleValue();
        if (maxGradNorm > 0 && norm > maxGradNorm) {
            grad.muli(maxGradNorm / norm);
        }
        applyUpdate(flat);
        return norm;
    }

    /**
     * An independent copy (parameters, updater state and the update counters, which DL4J's {@code clone()} drops),
     * for snapshots handed to other threads, target networks and forks.
     */
    public abstract GraphNetwork copy();

    /**
     * A private network of the same shape, made on first use and kept, on which losses are evaluated at other
     * parameter vectors (loss change allocation's probe points) without writing this one. Its parameters are whatever
     * the last evaluation set; set them before every use. Same thread as this network.
     */
    public GraphNetwork shadow() {
        if (shadow == null) {
            shadow = copy();
        }
        return shadow;
    }

    /**
     * The inspection seam over a private copy of this network as it is now: sites, recorded and intervened forward
     * passes, gradients. Nothing done through it reaches this network.
     */
    public InspectableNetwork inspect() {
        return new GraphInspector(Graphs.copy(graph));
    }
}
