package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.ParameterVectors;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.DensePass;
import dev.lantern.agents.nn.NativeMemory;
import dev.lantern.agents.nn.NetworkObjective;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * AlphaZero's loss on a minibatch, with its gradient with respect to the heads' outputs computed in double precision in
 * Java and pushed back through the network: by its fast pass ({@link ActorCriticNet#pass}, {@link DensePass}) on the
 * {@link ComputePath#HOST_BUFFERS} path, the L2 term's gradient added in Java; through {@link ActorCriticNet#forward},
 * {@link ActorCriticNet#backward} and ND4J ops on the {@link ComputePath#ND4J_OPS} path. Both give the same loss and
 * gradient up to floating-point rounding:
 *
 * <pre>
 *   L = mean_b [ -sum_{a legal} pi_b(a) log p_b(a) + (z_b - tanh(v_b))^2 ] + c * ||theta||^2
 *   p_b = softmax of the logits over the legal actions of position b (illegal logits are masked out)
 *   dL/dlogit_b(a) = (p_b(a) * sum(pi_b) - pi_b(a)) / B for legal a, 0 for illegal a
 *   dL/dv_b        = -2 (z_b - tanh(v_b)) (1 - tanh(v_b)^2) / B
 * </pre>
 *
 * <p>{@code pi} is the search's visit distribution, {@code z} the game's outcome from the mover's view. Deviation
 * from the paper: the value head is a plain dense output squashed by {@code tanh} here, in the loss, rather than a
 * {@code tanh} layer, because {@link ActorCriticNet}'s heads are identity layers. The L2 term covers every parameter
 * (biases too). Not thread-safe; one instance per network.
 */
public final class AlphaZeroLoss extends NetworkObjective<ActorCriticNet, AlphaZeroLoss> {

    /**
     * The parts of one evaluation of the loss; the gradient of {@link #total()} is in the network's gradient buffer.
     *
     * @param policy   mean cross-entropy of the visit distribution to the masked softmax
     * @param value    mean squared error of {@code tanh(v)} to the outcome
     * @param l2       the penalty {@code c * ||theta||^2}
     * @param gradient DL4J's gradient object over {@link ActorCriticNet#gradient()}, for
     *                 {@link ActorCriticNet#applyUpdate} (the flat buffer as one block on the fast pass, per layer and
     *                 variable through DL4J's backward)
     */
    public record Result(double policy, double value, double l2, Gradient gradient) {

        /** {@code policy + value + l2}. */
        public double total() {
            return policy + value + l2;
        }
    }

    private final double l2;
    private final int actions;
    // Reused buffers: the heads' outputs and their gradients for one batch size, the flat vectors for the L2 term.
    private double[] logits = new double[0];
    private double[] values = new double[0];
    private double[] dLogits = new double[0];
    private double[] dValues = new double[0];
    private double[] theta = new double[0];
    private double[] grad = new double[0];
    private float[] floats = new float[0];

    /**
     * @param net the network whose loss is computed
     * @param l2  the L2 coefficient {@code c}, {@code >= 0}
     */
    public AlphaZeroLoss(ActorCriticNet net, double l2) {
        super(net);
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        }
        this.l2 = l2;
        this.actions = net.actionCount();
    }

    @Override
    protected AlphaZeroLoss onShadow() {
        return new AlphaZeroLoss(net.shadow(), l2);
    }

    /**
     * Runs forward and backward on a minibatch: afterwards {@link ActorCriticNet#gradient()} holds dL/dtheta.
     *
     * @param obs     {@code [batch * inputSize]} observations of the mover
     * @param policy  {@code [batch * actions]} target visit distributions (0 on illegal actions)
     * @param legal   {@code [batch * actions]} legality masks; every row has at least one legal action
     * @param outcome {@code [batch]} outcomes z in [-1, 1] for the mover
     * @param batch   positions in the minibatch, {@code >= 1}
     */
    public Result compute(float[] obs, float[] policy, boolean[] legal, float[] outcome, int batch) {
        return compute(obs, policy, legal, outcome, batch, true, true, true);
    }

    /** The loss's terms as {@link #computeTerms} writes them: cross-entropy, value error, L2 penalty. */
    public static final java.util.List<String> TERMS = java.util.List.of("policy", "value", "l2");

    /**
     * Each term of the loss ({@link #TERMS}) with its own gradient: two forward and backward passes (one per head's
     * term) and the L2 penalty's gradient {@code 2 c θ}. Arguments as {@link #compute}.
     *
     * @param termValuesOut    receives policy, value and L2 terms, {@code [3]}
     * @param termGradientsOut receives dTerm/dθ, three arrays shaped like the parameters
     */
    public void computeTerms(float[] obs, float[] policy, boolean[] legal, float[] outcome, int batch,
            double[] termValuesOut, INDArray[] termGradientsOut) {
        Result p = compute(obs, policy, legal, outcome, batch, true, false, false);
        termGradientsOut[0].assign(net.gradient());
        Result v = compute(obs, policy, legal, outcome, batch, false, true, false);
        termGradientsOut[1].assign(net.gradient());
        INDArray params = net.params();
        double norm = params.norm2Number().doubleValue();
        termGradientsOut[2].assign(params).muli(2 * l2);
        termValuesOut[0] = p.policy();
        termValuesOut[1] = v.value();
        termValuesOut[2] = l2 * norm * norm;
    }

    /**
     * One forward and backward pass that pushes the chosen terms' gradients (the values of all terms computed): by the
     * network's fast pass ({@link DensePass}) with the L2 term added in Java on the {@link ComputePath#HOST_BUFFERS}
     * path, else through DL4J's graph calls and ND4J ops.
     */
    private Result compute(float[] obs, float[] policy, boolean[] legal, float[] outcome, int batch,
            boolean policyGradient, boolean valueGradient, boolean l2Gradient) {
        if (dLogits.length != batch * actions) {
            logits = new double[batch * actions];
            values = new double[batch];
            dLogits = new double[batch * actions];
            dValues = new double[batch];
        }
        if (!ComputePath.select().hostBuffers()) {
            return computeThroughGraph(obs, policy, legal, outcome, batch, policyGradient, valueGradient, l2Gradient);
        }
        DensePass pass = net.pass(batch);
        pass.setInput(obs);
        pass.forward(logits, values);
        double[] terms = headGradients(logits, values, policy, legal, outcome, batch, policyGradient, valueGradient);
        pass.backward(dLogits, dValues);
        double penalty = l2 > 0 && l2Gradient ? addL2Gradient() : 0;
        return new Result(terms[0], terms[1], penalty, net.flatGradient());
    }

    /**
     * Adds {@code 2 c θ} to the gradient buffer through the host buffers, in double precision (rounded once to the
     * network's type), and returns {@code c ||θ||²}.
     */
    private double addL2Gradient() {
        int n = (int) net.parameterCount();
        if (theta.length != n) {
            theta = new double[n];
            grad = new double[n];
            floats = new float[n];
        }
        ParameterVectors.read(net.params(), theta, floats);
        ParameterVectors.read(net.gradient(), grad, floats);
        double squares = 0;
        double twice = 2 * l2;
        for (int i = 0; i < n; i++) {
            double p = theta[i];
            squares += p * p;
            grad[i] += twice * p;
        }
        ParameterVectors.write(grad, net.gradient(), floats);
        return l2 * squares;
    }

    /** The old path: DL4J's {@code feedForward} and {@code backpropGradient}, the L2 term by ND4J ops. */
    private Result computeThroughGraph(float[] obs, float[] policy, boolean[] legal, float[] outcome, int batch,
            boolean policyGradient, boolean valueGradient, boolean l2Gradient) {
        INDArray x = net.batch(obs, batch);
        Map<String, INDArray> acts = net.forward(x);
        double[] terms = headGradients(NativeMemory.toDoubles(acts.get(ActorCriticNet.POLICY)),
                NativeMemory.toDoubles(acts.get(ActorCriticNet.VALUE)), policy, legal, outcome, batch, policyGradient,
                valueGradient);
        INDArray glDouble = Nd4j.create(dLogits, new long[] {batch, actions}, 'c');
        INDArray gvDouble = Nd4j.create(dValues, new long[] {batch, 1}, 'c');
        INDArray gl = glDouble.castTo(net.dataType());
        INDArray gv = gvDouble.castTo(net.dataType());
        Gradient gradient = net.backward(gl, gv);
        NativeMemory.releaseAllBut(acts, x);
        NativeMemory.release(x, gl, gv, glDouble, gvDouble);
        double penalty = 0;
        if (l2 > 0 && l2Gradient) {
            INDArray params = net.params();
            double norm = params.norm2Number().doubleValue();
            penalty = l2 * norm * norm;
            INDArray decay = params.mul(2 * l2);
            net.gradient().addi(decay);
            NativeMemory.release(decay);
        }
        return new Result(terms[0], terms[1], penalty, gradient);
    }

    /**
     * The policy and value terms from the heads' outputs, and their gradients with respect to the outputs into
     * {@link #dLogits} and {@link #dValues} (zero for a term whose gradient is not asked for, and for illegal actions).
     *
     * @return {mean cross-entropy, mean squared value error}
     */
    private double[] headGradients(double[] logits, double[] v, float[] policy, boolean[] legal, float[] outcome,
            int batch, boolean policyGradient, boolean valueGradient) {
        java.util.Arrays.fill(dLogits, 0);
        java.util.Arrays.fill(dValues, 0);
        double policyLoss = 0;
        double valueLoss = 0;
        for (int b = 0; b < batch; b++) {
            int o = b * actions;
            double max = Double.NEGATIVE_INFINITY;
            double piSum = 0;
            for (int a = 0; a < actions; a++) {
                if (legal[o + a]) {
                    max = Math.max(max, logits[o + a]);
                    piSum += policy[o + a];
                }
            }
            if (max == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("position " + b + " of the minibatch has no legal action");
            }
            double sum = 0;
            for (int a = 0; a < actions; a++) {
                if (legal[o + a]) {
                    sum += Math.exp(logits[o + a] - max);
                }
            }
            double logSum = max + Math.log(sum);
            for (int a = 0; a < actions; a++) {
                if (legal[o + a]) {
                    double logp = logits[o + a] - logSum;
                    policyLoss -= policy[o + a] * logp;
                    if (policyGradient) {
                        dLogits[o + a] = (Math.exp(logp) * piSum - policy[o + a]) / batch;
                    }
                }
            }
            double t = Math.tanh(v[b]);
            double err = outcome[b] - t;
            valueLoss += err * err;
            if (valueGradient) {
                dValues[b] = -2 * err * (1 - t * t) / batch;
            }
        }
        return new double[] {policyLoss / batch, valueLoss / batch};
    }
}
