package dev.lantern.agents.dqn;

import dev.lantern.agents.nn.Graphs;
import dev.lantern.agents.nn.WeightInit;
import dev.lantern.environments.random.Rng;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The Q-network: a torso of two dense tanh layers and a linear head with one output per action, as a DL4J
 * {@link ComputationGraph} whose head is a plain identity {@link DenseLayer}; the TD loss and its gradient with respect
 * to the head's output are computed by Lantern ({@link TdLoss}), then backpropagated with
 * {@link ComputationGraph#backpropGradient}.
 *
 * <pre>
 *   obs [B, inputSize] -> torso.dense0 (tanh) -> torso.dense1 (tanh) -> q.values [B, actions] (identity)
 * </pre>
 *
 * <p>tanh rather than the ReLU of Mnih et al. (2015): the loss is then smooth in the parameters, so loss change
 * allocation's path integrals converge quickly and finite-difference gradient checks are exact to rounding; on the grid
 * worlds' one-hot inputs it learns as fast. One instance is owned by one thread. {@link #params()} is the live flat
 * parameter vector in DL4J's layout ({@link dev.lantern.agents.nn.ParameterLayout}); {@code dup()} what you keep.
 */
public final class QNet {

    /** Name of the graph input. */
    public static final String INPUT = "obs";
    /** First torso layer. */
    public static final String TORSO_0 = "torso.dense0";
    /** Second torso layer. */
    public static final String TORSO_1 = "torso.dense1";
    /** The head: one Q-value per action. */
    public static final String Q_VALUES = "q.values";
    /** Every layer, in the order of the flat parameter vector. */
    public static final List<String> LAYERS = List.of(TORSO_0, TORSO_1, Q_VALUES);

    private final ComputationGraph graph;
    private final int inputSize;
    private final int actionCount;

    private QNet(ComputationGraph graph, int inputSize, int actionCount) {
        this.graph = graph;
        this.inputSize = inputSize;
        this.actionCount = actionCount;
    }

    /**
     * Builds a freshly initialized network. Weights come from Lantern's own seeded stream (never ND4J's global RNG):
     * uniform in {@code ±gain·sqrt(6 / (fanIn + fanOut))} (Glorot), gain 1 for the torso and 0.1 for the head (so the
     * first Q-values are small next to the rewards); biases zero.
     *
     * @param inputSize    features per observation
     * @param actionCount  number of discrete actions
     * @param hidden       sizes of the two torso layers
     * @param learningRate Adam's step size
     * @param initSeed     seeds the weight initialization
     * @param dataType     {@link DataType#FLOAT} for training, {@link DataType#DOUBLE} for numerical tests
     */
    public static QNet create(int inputSize, int actionCount, int[] hidden, double learningRate, long initSeed,
            DataType dataType) {
        if (hidden.length != 2) {
            throw new IllegalArgumentException("the torso has exactly two layers, got hidden sizes of length " + hidden.length);
        }
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(dataType)
                .updater(new Adam(learningRate, 0.9, 0.999, 1e-8))
                .miniBatch(false)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.feedForward(inputSize))
                .addLayer(TORSO_0, new DenseLayer.Builder().nOut(hidden[0]).activation(Activation.TANH).build(), INPUT)
                .addLayer(TORSO_1, new DenseLayer.Builder().nOut(hidden[1]).activation(Activation.TANH).build(), TORSO_0)
                .addLayer(Q_VALUES, new DenseLayer.Builder().nOut(actionCount).activation(Activation.IDENTITY).build(),
                        TORSO_1)
                .setOutputs(Q_VALUES)
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        QNet net = new QNet(graph, inputSize, actionCount);
        Rng rng = new Rng(initSeed);
        net.initLayer(TORSO_0, 1.0, rng);
        net.initLayer(TORSO_1, 1.0, rng);
        net.initLayer(Q_VALUES, 0.1, rng);
        return net;
    }

    /** Wraps a graph restored from a checkpoint; its layers must carry the names above. */
    public static QNet wrap(ComputationGraph graph) {
        long in = graph.getLayer(TORSO_0).getParam("W").size(0);
        int actions = (int) graph.getLayer(Q_VALUES).getParam("W").size(1);
        return new QNet(graph, (int) in, actions);
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

    /** Number of actions (outputs of the head). */
    public int actionCount() {
        return actionCount;
    }

    /** The network's floating-point type. */
    public DataType dataType() {
        return graph.params().dataType();
    }

    /** The live flat parameter vector; {@code dup()} what you keep. */
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
        float[] exact = data.length == rows * inputSize ? data : java.util.Arrays.copyOf(data, rows * inputSize);
        INDArray in = Nd4j.create(exact, new long[] {rows, inputSize}, 'c');
        return in.dataType() == dataType() ? in : in.castTo(dataType());
    }

    /**
     * Inference: Q-values in double precision, {@code [B * actions]} row-major.
     *
     * @param obs {@code [B, inputSize]}
     */
    public double[] qValues(INDArray obs) {
        return graph.output(false, obs)[0].dup('c').data().asDouble();
    }

    /**
     * Training forward pass; keeps activations for {@link #backward}.
     *
     * @return activations by site name ({@code obs}, every layer), each {@code [B, width]}; feedForward index 0 is the
     *         input
     */
    public Map<String, INDArray> forward(INDArray obs) {
        return graph.feedForward(new INDArray[] {obs}, true, false);
    }

    /**
     * Backpropagates dLoss/dQ; the gradient of the loss lands in {@link #gradient()}. Must follow {@link #forward} on
     * the same batch.
     *
     * @param dQ {@code [B, actions]}
     */
    public Gradient backward(INDArray dQ) {
        return graph.backpropGradient(dQ);
    }

    /**
     * One Adam step with the gradient of {@link #backward}: the updater turns the gradient buffer into the update in
     * place, which is subtracted from the parameters; the iteration count advances.
     */
    public void applyUpdate(Gradient gradient) {
        Graphs.applyUpdate(graph, gradient);
    }

    /** An independent copy: parameters, updater state and the iteration/epoch counters (which {@code clone()} drops). */
    public QNet copy() {
        return new QNet(Graphs.copy(graph), inputSize, actionCount);
    }
}
