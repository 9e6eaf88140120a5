package dev.lantern.agents.nn;

import dev.lantern.environments.random.Rng;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
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
 * <p>The layer names are the site names used by the analysis and the lab ({@link #inspect()}). One instance is owned
 * by one thread; {@link #output} returns {@code [logits [B, actions], values [B, 1]]}. {@link #params()} is the live flat parameter vector (DL4J's layout: per layer in topological order,
 * weights {@code [in, out]} in column-major ('f') order, then bias); {@code dup()} what you keep.
 */
public final class ActorCriticNet extends GraphNetwork {

    /** Policy head: unnormalized action logits. */
    public static final String POLICY = "policy.logits";
    /** Value head: the state value estimate. */
    public static final String VALUE = "value.out";
    /** Every layer, in the order of the flat parameter vector. */
    public static final List<String> LAYERS = List.of(TORSO_0, TORSO_1, POLICY, VALUE);

    private final int[] hidden;

    private ActorCriticNet(ComputationGraph graph, int inputSize, int actionCount, int[] hidden) {
        super(graph, inputSize, actionCount);
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
        ComputationGraphConfiguration conf = torso(dataType, annealUpdates > 0
                        ? new Adam(new LinearDecaySchedule(learningRate, annealUpdates))
                        : new Adam(learningRate, 0.9, 0.999, 1e-8), inputSize, hidden)
                .addLayer(POLICY, head(actionCount), TORSO_1)
                .addLayer(VALUE, head(1), TORSO_1)
                .setOutputs(POLICY, VALUE)
                .build();
        Rng rng = new Rng(initSeed);
        ComputationGraph graph = initTorso(conf, rng);
        WeightInit.glorotUniform(graph, POLICY, 0.01, rng);
        WeightInit.glorotUniform(graph, VALUE, 1.0, rng);
        return new ActorCriticNet(graph, inputSize, actionCount, hidden);
    }

    /** Wraps a graph restored from a checkpoint; its layers must carry the names above. */
    public static ActorCriticNet wrap(ComputationGraph graph) {
        return new ActorCriticNet(graph, fanIn(graph, TORSO_0), fanOut(graph, POLICY),
                new int[] {fanOut(graph, TORSO_0), fanOut(graph, TORSO_1)});
    }

    /** Sizes of the two torso layers. */
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public ActorCriticNet copy() {
        return new ActorCriticNet(Graphs.copy(graph()), inputSize(), actionCount(), hidden);
    }

    @Override
    public ActorCriticNet shadow() {
        return (ActorCriticNet) super.shadow();
    }

    /** The learning rate the next update will use. */
    public double learningRate() {
        org.deeplearning4j.nn.conf.layers.BaseLayer layer =
                (org.deeplearning4j.nn.conf.layers.BaseLayer) graph().getLayer(TORSO_0).conf().getLayer();
        return layer.getIUpdater().getLearningRate(iterationCount(), graph().getConfiguration().getEpochCount());
    }
}
