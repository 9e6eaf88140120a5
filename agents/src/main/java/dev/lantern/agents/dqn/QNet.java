package dev.lantern.agents.dqn;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.nn.DensePass;
import dev.lantern.agents.nn.GraphNetwork;
import dev.lantern.agents.nn.NativeMemory;
import dev.lantern.agents.nn.Graphs;
import dev.lantern.agents.nn.WeightInit;
import dev.lantern.environments.random.Rng;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The Q-network: a torso of two dense tanh layers and a linear head with one output per action, as a DL4J
 * {@link ComputationGraph} whose head is a plain identity {@link DenseLayer}; the TD loss and its gradient with respect
 * to the head's output are computed by Lantern ({@link TdLoss}), then backpropagated by the fast pass
 * ({@link #pass}) or, on the {@link ComputePath#ND4J_OPS} path, {@link ComputationGraph#backpropGradient}.
 *
 * <pre>
 *   obs [B, inputSize] -> torso.dense0 (tanh) -> torso.dense1 (tanh) -> q.values [B, actions] (identity)
 * </pre>
 *
 * <p>tanh rather than the ReLU of Mnih et al. (2015): the loss is then smooth in the parameters, so loss change
 * allocation's path integrals converge quickly and finite-difference gradient checks are exact to rounding; on the grid
 * worlds' one-hot inputs it learns as fast. One instance is owned by one thread; {@link #output} returns
 * {@code [q.values [B, actions]]}. {@link #params()} is the live flat parameter vector in DL4J's layout
 * ({@link dev.lantern.agents.api.ParameterLayout}); {@code dup()} what you keep.
 */
public final class QNet extends GraphNetwork {

    /** The head: one Q-value per action. */
    public static final String Q_VALUES = "q.values";
    /** Every layer, in the order of the flat parameter vector. */
    public static final List<String> LAYERS = List.of(TORSO_0, TORSO_1, Q_VALUES);

    private QNet(ComputationGraph graph, int inputSize, int actionCount) {
        super(graph, inputSize, actionCount);
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
        ComputationGraphConfiguration conf = torso(dataType, new Adam(learningRate, 0.9, 0.999, 1e-8), inputSize, hidden)
                .addLayer(Q_VALUES, head(actionCount), TORSO_1)
                .setOutputs(Q_VALUES)
                .build();
        Rng rng = new Rng(initSeed);
        ComputationGraph graph = initTorso(conf, rng);
        WeightInit.glorotUniform(graph, Q_VALUES, 0.1, rng);
        return new QNet(graph, inputSize, actionCount);
    }

    /** Wraps a graph restored from a checkpoint; its layers must carry the names above. */
    public static QNet wrap(ComputationGraph graph) {
        return new QNet(graph, fanIn(graph, TORSO_0), fanOut(graph, Q_VALUES));
    }

    /**
     * Inference: Q-values in double precision, {@code [B * actions]} row-major.
     *
     * @param obs {@code [B, inputSize]}
     */
    public double[] qValues(INDArray obs) {
        INDArray[] out = output(obs);
        double[] q = NativeMemory.toDoubles(out[0]);
        NativeMemory.release(out);
        return q;
    }

    /**
     * Inference on {@code rows} observations laid out back to back, no native memory left behind: Q-values in double
     * precision, {@code [rows * actions]} row-major, a new array. On the {@link ComputePath#HOST_BUFFERS} path by the
     * fast pass for that row count ({@link #pass}: a handful of native calls, the one-hot input's first layer on its
     * active columns), the numbers of {@link #outputs} up to floating-point rounding; on the other, {@link #outputs}.
     * The path the agent acts with (every environment step) and computes its targets with (every update).
     */
    public double[] qValues(float[] obs, int rows) {
        if (!ComputePath.select().hostBuffers()) {
            return outputs(obs, rows)[0];
        }
        DensePass pass = pass(rows);
        pass.setInput(obs);
        return pass.forward().clone();
    }

    @Override
    public QNet copy() {
        return new QNet(Graphs.copy(graph()), inputSize(), actionCount());
    }

    @Override
    public QNet shadow() {
        return (QNet) super.shadow();
    }
}
