package dev.lantern.agents.dqn;

import dev.lantern.agents.nn.NativeMemory;
import dev.lantern.agents.nn.NetworkObjective;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Binds the {@link TdLoss} to a {@link QNet}: one forward and one backward pass give the loss at the network's current
 * parameters and its gradient in {@link QNet#gradient()}. Training and the pinned probe loss share this code path.
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
        int b = taken.length;
        int actions = net.actionCount();
        Map<String, INDArray> acts = net.forward(observations);
        double[] q = NativeMemory.toDoubles(acts.get(QNet.Q_VALUES));
        double[] dQ = new double[b * actions];
        double[] td = new double[b];
        double loss = TdLoss.evaluate(q, actions, taken, targets, weights, huberDelta, dQ, td);
        double qSum = 0;
        for (int i = 0; i < b; i++) {
            qSum += q[i * actions + taken[i]];
        }
        INDArray epsDouble = Nd4j.create(dQ, new long[] {b, actions}, 'c');
        INDArray eps = epsDouble.castTo(net.dataType());
        Gradient gradient = net.backward(eps);
        NativeMemory.releaseAllBut(acts, observations);
        NativeMemory.release(eps, epsDouble);
        return new Evaluation(loss, qSum / b, td, gradient);
    }
}
