package dev.lantern.agents.actorcritic;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.nn.DensePass;
import dev.lantern.agents.nn.FixedInputPass;
import dev.lantern.agents.nn.NativeMemory;
import dev.lantern.agents.nn.NetworkObjective;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
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
     * Loss and gradient on one batch at the current parameters, by the network's fast pass ({@link DensePass}) on the
     * {@link ComputePath#HOST_BUFFERS} path, else through DL4J's graph calls ({@link #evaluateThroughGraph}).
     *
     * @param observations {@code [B, inputSize]}, any floating-point type (copied into the pass's input buffer)
     * @param targets      the batch's fixed targets, {@code [B]} each
     */
    public Evaluation evaluate(INDArray observations, PpoTargets targets) {
        if (!ComputePath.select().hostBuffers()) {
            if (observations.dataType() == net.dataType()) {
                return evaluateThroughGraph(observations, targets);
            }
            INDArray cast = observations.castTo(net.dataType());
            Evaluation e = evaluateThroughGraph(cast, targets);
            NativeMemory.release(cast);
            return e;
        }
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
        if (!ComputePath.select().hostBuffers()) {
            return evaluate(observations, targets);
        }
        DensePass pass = net.pass(targets.size());
        pass.setFixedInput(observations);
        pass.hostTanhGradient(true);
        return evaluate(pass, targets);
    }

    /**
     * Loss and gradient on one batch whose observations are rows of a plain array (no INDArray is allocated on the
     * {@link ComputePath#HOST_BUFFERS} path; on the other, the rows are copied into one and go through the graph).
     *
     * @param observations {@code [B * inputSize]} row-major, at least that long
     * @param targets      the batch's fixed targets, {@code [B]} each
     */
    public Evaluation evaluate(float[] observations, PpoTargets targets) {
        if (!ComputePath.select().hostBuffers()) {
            INDArray x = net.batch(observations, targets.size());
            Evaluation e = evaluateThroughGraph(x, targets);
            NativeMemory.release(x);
            return e;
        }
        DensePass pass = net.pass(targets.size());
        pass.setInput(observations);
        return evaluate(pass, targets);
    }

    /**
     * Each term of the loss ({@link PpoLoss#TERMS}: policy, value, entropy) with its own gradient, from one forward
     * and three backward passes at the current parameters (the fast pass, or DL4J's graph calls off the
     * {@link ComputePath#HOST_BUFFERS} path). Leaves the last term's gradient in the network's buffer.
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
        double[] dPolicy = new double[n * actions];
        double[] dEntropy = new double[n * actions];
        double[] dValues = new double[n];
        double[] noLogits = new double[n * actions];
        double[] noValues = new double[n];
        if (!ComputePath.select().hostBuffers()) {
            INDArray x = observations.castTo(net.dataType());
            Map<String, INDArray> acts = net.forward(x);
            LossParts parts = loss.evaluateTerms(toDoubles(acts.get(ActorCriticNet.POLICY)),
                    toDoubles(acts.get(ActorCriticNet.VALUE)), actions, targets, dPolicy, dEntropy, dValues);
            loss.termValues(parts, termValuesOut);
            NativeMemory.releaseAllBut(acts, x);
            // DL4J's backward clears the layers' inputs: one forward before each
            backwardThroughGraph(x, dPolicy, noValues, termGradientsOut[0]);
            backwardThroughGraph(x, noLogits, dValues, termGradientsOut[1]);
            backwardThroughGraph(x, dEntropy, noValues, termGradientsOut[2]);
            NativeMemory.release(x == observations ? null : x);
            return parts;
        }
        DensePass pass = net.pass(n);
        pass.setFixedInput(observations);
        pass.hostTanhGradient(true);
        pass.forward(logits(n), valuesBuf);
        LossParts parts = loss.evaluateTerms(logitsBuf, valuesBuf, actions, targets, dPolicy, dEntropy, dValues);
        loss.termValues(parts, termValuesOut);
        pass.backward(dPolicy, noValues);
        termGradientsOut[0].assign(net.gradient());
        pass.backward(noLogits, dValues);
        termGradientsOut[1].assign(net.gradient());
        pass.backward(dEntropy, noValues);
        termGradientsOut[2].assign(net.gradient());
        return parts;
    }

    /**
     * The fixed-batch pass of a probe's observations on this objective's network: loss and gradient from the
     * parameters the batch depends on ({@link FixedInputPass}). Host buffers only.
     *
     * @param observations {@code [B, inputSize]}, never changed in place
     */
    public FixedInputPass fixedInputPass(INDArray observations) {
        return new FixedInputPass(net, net::pass, observations);
    }

    /**
     * {@link #evaluateFixed} at parameters given on the support of {@code pass} ({@link FixedInputPass#support()}):
     * the loss, its gradient on the support written into {@code gradientOut}.
     */
    public double evaluateOnSupport(FixedInputPass pass, PpoTargets targets, double[] theta, double[] gradientOut) {
        int n = targets.size();
        pass.forward(theta, logits(n), valuesBuf);
        LossParts parts = loss.evaluate(logitsBuf, valuesBuf, net.actionCount(), targets,
                dLogits(n * net.actionCount()), dValues(n));
        pass.backward(dLogitsBuf, dValuesBuf, gradientOut);
        return parts.total();
    }

    /**
     * {@link #evaluateTerms} at parameters given on the support of {@code pass}: one forward and three backward passes,
     * each term's gradient on the support.
     */
    public LossParts evaluateTermsOnSupport(FixedInputPass pass, PpoTargets targets, double[] theta,
            double[] termValuesOut, double[][] termGradientsOut) {
        int n = targets.size();
        int actions = net.actionCount();
        double[] dPolicy = new double[n * actions];
        double[] dEntropy = new double[n * actions];
        double[] dValues = new double[n];
        pass.forward(theta, logits(n), valuesBuf);
        LossParts parts = loss.evaluateTerms(logitsBuf, valuesBuf, actions, targets, dPolicy, dEntropy, dValues);
        loss.termValues(parts, termValuesOut);
        pass.backward(dPolicy, new double[n], termGradientsOut[0]);
        pass.backward(new double[n * actions], dValues, termGradientsOut[1]);
        pass.backward(dEntropy, new double[n], termGradientsOut[2]);
        return parts;
    }

    /** The logits buffer for {@code n} rows (and the values buffer beside it). */
    private double[] logits(int n) {
        if (logitsBuf.length != n * net.actionCount()) {
            logitsBuf = new double[n * net.actionCount()];
            valuesBuf = new double[n];
        }
        return logitsBuf;
    }

    /** Forward on {@code x}, then backpropagates one pair of head gradients; the gradient is copied into {@code out}. */
    private void backwardThroughGraph(INDArray x, double[] dLogits, double[] dValues, INDArray out) {
        Map<String, INDArray> acts = net.forward(x);
        backwardThroughGraph(dLogits, dValues, (int) x.rows());
        NativeMemory.releaseAllBut(acts, x);
        out.assign(net.gradient());
    }

    /** {@code net.backward} of head gradients given as plain arrays, {@code [n * A]} and {@code [n]} row-major. */
    private Gradient backwardThroughGraph(double[] dLogits, double[] dValues, int n) {
        INDArray epsLogits = epsilon(dLogits, n, net.actionCount());
        INDArray epsValues = epsilon(dValues, n, 1);
        Gradient gradient = net.backward(epsLogits, epsValues);
        NativeMemory.release(epsLogits, epsValues);
        return gradient;
    }

    /** {@code values} as a {@code [rows, columns]} array of the network's data type. */
    private INDArray epsilon(double[] values, int rows, int columns) {
        INDArray d = Nd4j.create(values, new long[] {rows, columns}, 'c');
        if (d.dataType() == net.dataType()) {
            return d;
        }
        INDArray cast = d.castTo(net.dataType());
        NativeMemory.release(d);
        return cast;
    }

    private Evaluation evaluate(DensePass pass, PpoTargets targets) {
        int n = targets.size();
        int actions = net.actionCount();
        pass.forward(logits(n), valuesBuf);
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
        Gradient gradient = backwardThroughGraph(dLogits, dValues, n);
        NativeMemory.releaseAllBut(acts, observations);
        return new Evaluation(parts, gradient);
    }

    static double[] toDoubles(INDArray array) {
        return NativeMemory.toDoubles(array);
    }
}
