package dev.lantern.agents.actorcritic;

import dev.lantern.agents.nn.ActorCriticNet;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Binds a PPO loss to the network: one forward and one backward pass give the loss at the network's current
 * parameters and its gradient in {@link ActorCriticNet#gradient()}. Training and loss change allocation share this
 * single code path (LCA's probe uses the same loss without the ratio clip; see {@link PpoAgent}).
 */
public final class ActorCriticObjective {

    /**
     * The result of one evaluation.
     *
     * @param parts    loss components
     * @param gradient DL4J's gradient object, backed by {@link ActorCriticNet#gradient()}, for the updater
     */
    public record Evaluation(LossParts parts, Gradient gradient) {
    }

    private final ActorCriticNet net;
    private final PpoLoss loss;

    /** Evaluates {@code loss} on {@code net}. */
    public ActorCriticObjective(ActorCriticNet net, PpoLoss loss) {
        this.net = net;
        this.loss = loss;
    }

    /** The network evaluated. */
    public ActorCriticNet net() {
        return net;
    }

    /**
     * Loss and gradient on one batch at the current parameters.
     *
     * @param observations {@code [B, inputSize]}, the network's data type
     * @param targets      the batch's fixed targets, {@code [B]} each
     */
    public Evaluation evaluate(INDArray observations, PpoTargets targets) {
        int n = targets.size();
        int actions = net.actionCount();
        Map<String, INDArray> acts = net.forward(observations);
        double[] logits = toDoubles(acts.get(ActorCriticNet.POLICY));
        double[] values = toDoubles(acts.get(ActorCriticNet.VALUE));
        double[] dLogits = new double[n * actions];
        double[] dValues = new double[n];
        LossParts parts = loss.evaluate(logits, values, actions, targets, dLogits, dValues);
        DataType type = net.dataType();
        INDArray epsLogits = Nd4j.create(dLogits, new long[] {n, actions}, 'c').castTo(type);
        INDArray epsValues = Nd4j.create(dValues, new long[] {n, 1}, 'c').castTo(type);
        Gradient gradient = net.backward(epsLogits, epsValues);
        return new Evaluation(parts, gradient);
    }

    static double[] toDoubles(INDArray array) {
        return array.dup('c').data().asDouble();
    }
}
