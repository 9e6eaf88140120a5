package dev.lantern.agents.actorcritic;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.DensePass;
import dev.lantern.agents.nn.NativeMemory;
import dev.lantern.agents.nn.NetworkObjective;
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
public final class ActorCriticObjective extends NetworkObjective<ActorCriticNet, ActorCriticObjective> {

    /**
     * The result of one evaluation.
     *
     * @param parts    loss components
     * @param gradient DL4J's gradient object, backed by {@link ActorCriticNet#gradient()}, for the updater
     */
    public record Evaluation(LossParts parts, Gradient gradient) {
    }

    private final PpoLoss loss;
    private double[] logitsBuf = new double[0];
    private double[] valuesBuf = new double[0];
    private double[] dLogitsBuf = new double[0];
    private double[] dValuesBuf = new double[0];

    /** Evaluates {@code loss} on {@code net}. */
    public ActorCriticObjective(ActorCriticNet net, PpoLoss loss) {
        super(net);
        this.loss = loss;
    }

    @Override
    protected ActorCriticObjective onShadow() {
        return new ActorCriticObjective(net.shadow(), loss);
    }

    /**
     * Loss and gradient on one batch at the current parameters, by the network's fast pass ({@link DensePass}).
     *
     * @param observations {@code [B, inputSize]}, any floating-point type (copied into the pass's input buffer)
     * @param targets      the batch's fixed targets, {@code [B]} each
     */
    public Evaluation evaluate(INDArray observations, PpoTargets targets) {
        DensePass pass = net.pass(targets.size());
        pass.setInput(observations);
        return evaluate(pass, targets);
    }

    /**
     * {@link #evaluate(INDArray, PpoTargets)} on observations that stay the same from call to call (a probe's, never
     * changed in place): the pass keeps them from the previous call instead of copying and scanning them again
     * ({@link DensePass#setFixedInput}), and tanh's backward runs on the host ({@link DensePass#hostTanhGradient}):
     * the same numbers up to the last bit of the network's type.
     */
    public Evaluation evaluateFixed(INDArray observations, PpoTargets targets) {
        DensePass pass = net.pass(targets.size());
        pass.setFixedInput(observations);
        pass.hostTanhGradient(true);
        return evaluate(pass, targets);
    }

    /**
     * Loss and gradient on one batch whose observations are rows of a plain array (no INDArray is allocated).
     *
     * @param observations {@code [B * inputSize]} row-major, at least that long
     * @param targets      the batch's fixed targets, {@code [B]} each
     */
    public Evaluation evaluate(float[] observations, PpoTargets targets) {
        DensePass pass = net.pass(targets.size());
        pass.setInput(observations);
        return evaluate(pass, targets);
    }

    /**
     * Each term of the loss ({@link PpoLoss#TERMS}: policy, value, entropy) with its own gradient, from one forward
     * and three backward passes at the current parameters. Leaves the last term's gradient in the network's buffer.
     * The observations are a probe's, the same from call to call ({@link DensePass#setFixedInput}).
     *
     * @param observations     {@code [B, inputSize]}, any floating-point type, never changed in place
     * @param targets          the batch's fixed targets, {@code [B]} each
     * @param termValuesOut    receives the terms as they enter the loss, {@code [3]}
     * @param termGradientsOut receives dTerm/dθ, three arrays shaped like the parameters
     */
    public LossParts evaluateTerms(INDArray observations, PpoTargets targets, double[] termValuesOut,
            INDArray[] termGradientsOut) {
        int n = targets.size();
        int actions = net.actionCount();
        DensePass pass = net.pass(n);
        pass.setFixedInput(observations);
        pass.hostTanhGradient(true);
        if (logitsBuf.length != n * actions) {
            logitsBuf = new double[n * actions];
            valuesBuf = new double[n];
        }
        pass.forward(logitsBuf, valuesBuf);
        double[] dPolicy = new double[n * actions];
        double[] dEntropy = new double[n * actions];
        double[] dValues = new double[n];
        LossParts parts = loss.evaluateTerms(logitsBuf, valuesBuf, actions, targets, dPolicy, dEntropy, dValues);
        loss.termValues(parts, termValuesOut);
        double[] noLogits = new double[n * actions];
        double[] noValues = new double[n];
        pass.backward(dPolicy, noValues);
        termGradientsOut[0].assign(net.gradient());
        pass.backward(noLogits, dValues);
        termGradientsOut[1].assign(net.gradient());
        pass.backward(dEntropy, noValues);
        termGradientsOut[2].assign(net.gradient());
        return parts;
    }

    private Evaluation evaluate(DensePass pass, PpoTargets targets) {
        int n = targets.size();
        int actions = net.actionCount();
        if (logitsBuf.length != n * actions) {
            logitsBuf = new double[n * actions];
            valuesBuf = new double[n];
        }
        pass.forward(logitsBuf, valuesBuf);
        LossParts parts = loss.evaluate(logitsBuf, valuesBuf, actions, targets, dLogits(n * actions), dValues(n));
        pass.backward(dLogitsBuf, dValuesBuf);
        return new Evaluation(parts, net.flatGradient());
    }

    private double[] dLogits(int size) {
        if (dLogitsBuf.length != size) {
            dLogitsBuf = new double[size];
        }
        return dLogitsBuf;
    }

    private double[] dValues(int size) {
        if (dValuesBuf.length != size) {
            dValuesBuf = new double[size];
        }
        return dValuesBuf;
    }

    /**
     * The same loss and gradient by DL4J's own graph calls ({@code feedForward}, {@code backpropGradient}): the
     * reference the fast path is tested against, and the baseline of {@code lantern bench update}.
     *
     * @param observations {@code [B, inputSize]}, the network's data type
     * @param targets      the batch's fixed targets, {@code [B]} each
     */
    public Evaluation evaluateThroughGraph(INDArray observations, PpoTargets targets) {
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
        NativeMemory.releaseAllBut(acts, observations);
        NativeMemory.release(epsLogits, epsValues);
        return new Evaluation(parts, gradient);
    }

    static double[] toDoubles(INDArray array) {
        return NativeMemory.toDoubles(array);
    }
}
