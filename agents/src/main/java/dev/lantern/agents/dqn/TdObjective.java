package dev.lantern.agents.dqn;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.nn.DensePass;
import dev.lantern.agents.nn.NativeMemory;
import dev.lantern.agents.nn.NetworkObjective;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Binds the {@link TdLoss} to a {@link QNet}: one forward and one backward pass give the loss at the network's current
 * parameters and its gradient in {@link QNet#gradient()}. Training and the pinned probe loss share this code path.
 *
 * <p>On the {@link ComputePath#HOST_BUFFERS} path both passes are the network's fast pass ({@link DensePass}, into
 * buffers kept per batch size; the loss and dLoss/dQ in Java); on {@link ComputePath#ND4J_OPS}, DL4J's
 * {@code feedForward} and {@code backpropGradient}. The two differ by floating-point rounding only.
 */
public final class TdObjective extends NetworkObjective<QNet, TdObjective> {

    /**
     * The result of one evaluation.
     *
     * @param loss     the (weighted) mean Huber loss
     * @param qMean    mean of Q(s, a) over the batch's taken actions
     * @param tdErrors {@code [B]} δ = Q(s, a) − y
     * @param gradient DL4J's gradient object, backed by {@link QNet#gradient()}, for the updater
     */
    public record Evaluation(double loss, double qMean, double[] tdErrors, Gradient gradient) {
    }

    private final double huberDelta;
    private double[] dQ = new double[0];

    /** Evaluates the Huber TD loss with κ = {@code huberDelta} on {@code net}. */
    public TdObjective(QNet net, double huberDelta) {
        super(net);
        this.huberDelta = huberDelta;
    }

    @Override
    protected TdObjective onShadow() {
        return new TdObjective(net.shadow(), huberDelta);
    }

    /**
     * Loss and gradient on one batch at the current parameters.
     *
     * @param observations {@code [B, inputSize]}, the network's data type
     * @param taken        {@code [B]} actions
     * @param targets      {@code [B]} fixed targets y
     * @param weights      {@code [B]} importance weights, or null for all 1
     */
    public Evaluation evaluate(INDArray observations, int[] taken, double[] targets, double[] weights) {
        if (!ComputePath.select().hostBuffers()) {
            return evaluateThroughGraph(observations, taken, targets, weights);
        }
        DensePass pass = net.pass(taken.length);
        pass.setInput(observations);
        return evaluate(pass, taken, targets, weights);
    }

    /**
     * {@link #evaluate(INDArray, int[], double[], double[])} on observations that stay the same from call to call (a
     * probe's, never changed in place): the fast pass keeps them from the previous call instead of copying and scanning
     * them again ({@link DensePass#setFixedInput}), and tanh's backward runs on the host
     * ({@link DensePass#hostTanhGradient}): the same numbers up to the last bit of the network's type.
     */
    public Evaluation evaluateFixed(INDArray observations, int[] taken, double[] targets, double[] weights) {
        if (!ComputePath.select().hostBuffers()) {
            return evaluateThroughGraph(observations, taken, targets, weights);
        }
        DensePass pass = net.pass(taken.length);
        pass.setFixedInput(observations);
        pass.hostTanhGradient(true);
        return evaluate(pass, taken, targets, weights);
    }

    /**
     * Loss and gradient on one batch whose observations are rows of a plain array: no INDArray is made on the
     * {@link ComputePath#HOST_BUFFERS} path; on the other, the rows are copied into one and go through the graph.
     *
     * @param observations {@code [B * inputSize]} row-major, at least that long
     */
    public Evaluation evaluate(float[] observations, int[] taken, double[] targets, double[] weights) {
        if (!ComputePath.select().hostBuffers()) {
            INDArray x = net.batch(observations, taken.length);
            Evaluation e = evaluateThroughGraph(x, taken, targets, weights);
            NativeMemory.release(x);
            return e;
        }
        DensePass pass = net.pass(taken.length);
        pass.setInput(observations);
        return evaluate(pass, taken, targets, weights);
    }

    private Evaluation evaluate(DensePass pass, int[] taken, double[] targets, double[] weights) {
        int b = taken.length;
        int actions = net.actionCount();
        double[] q = pass.forward();
        if (dQ.length != b * actions) {
            dQ = new double[b * actions];
        }
        double[] td = new double[b];
        double loss = TdLoss.evaluate(q, actions, taken, targets, weights, huberDelta, dQ, td);
        double qMean = takenMean(q, taken, actions);
        pass.backward(dQ);
        return new Evaluation(loss, qMean, td, net.flatGradient());
    }

    /** DL4J's {@code feedForward} and {@code backpropGradient}: the {@link ComputePath#ND4J_OPS} path. */
    private Evaluation evaluateThroughGraph(INDArray observations, int[] taken, double[] targets, double[] weights) {
        int b = taken.length;
        int actions = net.actionCount();
        Map<String, INDArray> acts = net.forward(observations);
        double[] q = NativeMemory.toDoubles(acts.get(QNet.Q_VALUES));
        double[] dQ = new double[b * actions];
        double[] td = new double[b];
        double loss = TdLoss.evaluate(q, actions, taken, targets, weights, huberDelta, dQ, td);
        double qMean = takenMean(q, taken, actions);
        INDArray epsDouble = Nd4j.create(dQ, new long[] {b, actions}, 'c');
        INDArray eps = epsDouble.castTo(net.dataType());
        Gradient gradient = net.backward(eps);
        NativeMemory.releaseAllBut(acts, observations);
        NativeMemory.release(eps, epsDouble);
        return new Evaluation(loss, qMean, td, gradient);
    }

    /** Mean of Q(s_i, a_i) over the batch. */
    private static double takenMean(double[] q, int[] taken, int actions) {
        double sum = 0;
        for (int i = 0; i < taken.length; i++) {
            sum += q[i * actions + taken[i]];
        }
        return sum / taken.length;
    }
}
