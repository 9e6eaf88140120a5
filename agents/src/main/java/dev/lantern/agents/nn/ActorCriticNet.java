package dev.lantern.agents.nn;

import dev.lantern.environments.random.Rng;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.nd4j.linalg.learning.config.Adam;

/**
 * The actor-critic network: a shared torso of two dense layers, a policy head and a value head, as a DL4J
 * {@link ComputationGraph} whose heads are plain identity {@link DenseLayer}s (DESIGN.md: RL losses are not DL4J
 * built-ins, so Lantern computes the loss and its gradient with respect to the heads' outputs itself).
 *
 * <pre>
 *   obs [B, inputSize] -> torso.dense0 (tanh) -> torso.dense1 (tanh) -+-> policy.logits [B, actions] (identity)
 *                                                                      '-> value.out     [B, 1]       (identity)
 * </pre>
 *
 * <p>The layer names are the site names used by the analysis and the lab. One instance is owned by one thread.
 * {@link #params()} is the live flat parameter vector (DL4J's layout: per layer in topological order, weights
 * {@code [in, out]} in column-major ('f') order, then bias); {@code dup()} what you keep.
 */
public final class ActorCriticNet {

    /** Name of the graph input. */
    public static final String INPUT = "obs";
    /** First torso layer. */
    public static final String TORSO_0 = "torso.dense0";
    /** Second torso layer. */
    public static final String TORSO_1 = "torso.dense1";
    /** Policy head: unnormalized action logits. */
    public static final String POLICY = "policy.logits";
    /** Value head: the state value estimate. */
    public static final String VALUE = "value.out";
    /** Every layer, in the order of the flat parameter vector. */
    public static final List<String> LAYERS = List.of(TORSO_0, TORSO_1, POLICY, VALUE);

    private final ComputationGraph graph;
    private final int inputSize;
    private final int actionCount;
    private final int[] hidden;
    private final Map<Integer, DensePass> passes = new HashMap<>();
    private DefaultGradient flatGradient;

    private ActorCriticNet(ComputationGraph graph, int inputSize, int actionCount, int[] hidden) {
        this.graph = graph;
        this.inputSize = inputSize;
        this.actionCount = actionCount;
        this.hidden = hidden.clone();
    }

    /**
     * Builds a freshly initialized network.
     *
     * <p>Weights are drawn from Lantern's own seeded stream (not ND4J's global RNG, which is not reproducible across
     * JVMs): torso layers uniform in {@code ±sqrt(6 / (fanIn + fanOut))} (Glorot), the policy head scaled by 0.01 so the
     * first policy is near uniform (as CleanRL's PPO), the value head by 1.0; biases zero.
     *
     * @param inputSize    features per observation
     * @param actionCount  number of discrete actions
     * @param hidden       sizes of the two torso layers, e.g. {@code {64, 64}}
     * @param learningRate Adam's step size (at update 0)
     * @param annealUpdates if > 0, the step size falls linearly to 0 over this many updates
     *                     ({@link LinearDecaySchedule}, stored with the network); 0 keeps it constant
     * @param initSeed     seeds the weight initialization
     * @param dataType     {@link DataType#FLOAT} for training, {@link DataType#DOUBLE} for numerical tests
     */
    public static ActorCriticNet create(int inputSize, int actionCount, int[] hidden, double learningRate,
            long annealUpdates, long initSeed, DataType dataType) {
        if (hidden.length != 2) {
            throw new IllegalArgumentException("the torso has exactly two layers, got hidden sizes of length " + hidden.length);
        }
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(dataType)
                .updater(annealUpdates > 0
                        ? new Adam(new LinearDecaySchedule(learningRate, annealUpdates))
                        : new Adam(learningRate, 0.9, 0.999, 1e-8))
                .miniBatch(false)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.feedForward(inputSize))
                .addLayer(TORSO_0, new DenseLayer.Builder().nOut(hidden[0]).activation(Activation.TANH).build(), INPUT)
                .addLayer(TORSO_1, new DenseLayer.Builder().nOut(hidden[1]).activation(Activation.TANH).build(), TORSO_0)
                .addLayer(POLICY, new DenseLayer.Builder().nOut(actionCount).activation(Activation.IDENTITY).build(), TORSO_1)
                .addLayer(VALUE, new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build(), TORSO_1)
                .setOutputs(POLICY, VALUE)
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        ActorCriticNet net = new ActorCriticNet(graph, inputSize, actionCount, hidden);
        net.initializeWeights(new Rng(initSeed));
        return net;
    }

    /** Wraps a graph restored from a checkpoint; its layers must carry the names above. */
    public static ActorCriticNet wrap(ComputationGraph graph) {
        long in = graph.getLayer(TORSO_0).getParam("W").size(0);
        int[] hidden = {(int) graph.getLayer(TORSO_0).getParam("W").size(1), (int) graph.getLayer(TORSO_1).getParam("W").size(1)};
        int actions = (int) graph.getLayer(POLICY).getParam("W").size(1);
        return new ActorCriticNet(graph, (int) in, actions, hidden);
    }

    private void initializeWeights(Rng rng) {
        initLayer(TORSO_0, 1.0, rng);
        initLayer(TORSO_1, 1.0, rng);
        initLayer(POLICY, 0.01, rng);
        initLayer(VALUE, 1.0, rng);
    }

    private void initLayer(String name, double gain, Rng rng) {
        WeightInit.glorotUniform(graph, name, gain, rng);
    }

    /** The underlying graph; only the thread that owns this network may touch it. */
    public ComputationGraph graph() {
        return graph;
    }

    /** Features per observation. */
    public int inputSize() {
        return inputSize;
    }

    /** Number of actions of the policy head. */
    public int actionCount() {
        return actionCount;
    }

    /** Sizes of the two torso layers. */
    public int[] hidden() {
        return hidden.clone();
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

    /**
     * The live flat gradient buffer, filled by {@link #backward}: a view with the shape and layout of
     * {@link #params()}.
     */
    public INDArray gradient() {
        return Graphs.gradient(graph);
    }

    /** Updates done so far (Adam's step counter). */
    public int iterationCount() {
        return graph.getConfiguration().getIterationCount();
    }

    /**
     * Inference: logits and values for a batch, without keeping anything for backprop.
     *
     * @param obs {@code [B, inputSize]}
     * @return {@code [logits [B, actions], values [B, 1]]}, detached from any workspace
     */
    public INDArray[] output(INDArray obs) {
        return graph.output(false, obs);
    }

    /**
     * Training forward pass; keeps activations for {@link #backward}.
     *
     * @param obs {@code [B, inputSize]}
     * @return activations by site name ({@code obs}, every layer), each {@code [B, width]}
     */
    public Map<String, INDArray> forward(INDArray obs) {
        return graph.feedForward(new INDArray[] {obs}, true, false);
    }

    /**
     * Backpropagates external errors from the two heads; the gradient of the loss lands in {@link #gradient()}.
     * Must follow {@link #forward} on the same batch.
     *
     * @param dLogits {@code [B, actions]} dLoss/dLogits
     * @param dValues {@code [B, 1]} dLoss/dValue
     */
    public Gradient backward(INDArray dLogits, INDArray dValues) {
        return graph.backpropGradient(dLogits, dValues);
    }

    /**
     * The fast training pass for batches of {@code batchSize} rows, made on first use and kept: forward and backward
     * with gemm calls into preallocated buffers, the same numbers as {@link #forward} and {@link #backward} up to
     * floating-point rounding ({@link DensePass}).
     */
    public DensePass pass(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        return passes.computeIfAbsent(batchSize, b -> new DensePass(graph, b, inputSize, hidden, actionCount));
    }

    /**
     * DL4J's gradient object over the whole live gradient buffer, for {@link #applyUpdate} after a {@link DensePass}
     * backward: the updater then works on the flat buffer directly. Reused, not copied.
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
     * Applies one optimizer step with the gradient of {@link #backward}: Adam transforms the gradient buffer in
     * place into the update, which is subtracted from the parameters; the iteration count advances.
     */
    public void applyUpdate(Gradient gradient) {
        Graphs.applyUpdate(graph, gradient);
    }

    /**
     * PPO's optimizer step on the gradient in {@link #gradient()}: scale it to a global L2 norm of at most
     * {@code maxGradNorm} ({@code <= 0}: no clipping), then Adam, the iteration count advanced. Same arithmetic and
     * same updater state as clipping the buffer and calling {@link #applyUpdate}, in one pass of Java loops over the
     * flat buffers instead of DL4J's Adam op ({@link AdamStep}); falls back to that path for an updater it does not
     * cover.
     *
     * @return the gradient's L2 norm before clipping
     */
    public double clipAndUpdate(double maxGradNorm) {
        Gradient flat = flatGradient();
        if (AdamStep.supports(graph)) {
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
     * for snapshots handed to other threads and for forks.
     */
    public ActorCriticNet copy() {
        return new ActorCriticNet(Graphs.copy(graph), inputSize, actionCount, hidden);
    }

    /** The learning rate the next update will use. */
    public double learningRate() {
        org.deeplearning4j.nn.conf.layers.BaseLayer layer =
                (org.deeplearning4j.nn.conf.layers.BaseLayer) graph.getLayer(TORSO_0).conf().getLayer();
        return layer.getIUpdater().getLearningRate(iterationCount(), graph.getConfiguration().getEpochCount());
    }
}
