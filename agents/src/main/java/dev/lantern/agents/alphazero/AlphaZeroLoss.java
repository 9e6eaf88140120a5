package dev.lantern.agents.alphazero;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.NativeMemory;
import dev.lantern.agents.nn.NetworkObjective;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * AlphaZero's loss on a minibatch, with its gradient, computed in double precision in Java and pushed through
 * {@link ActorCriticNet#backward}:
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
     * @param gradient DL4J's gradient object, for {@link ActorCriticNet#applyUpdate}
     */
    public record Result(double policy, double value, double l2, Gradient gradient) {

        /** {@code policy + value + l2}. */
        public double total() {
            return policy + value + l2;
        }
    }

    private final double l2;
    private final int inputSize;
    private final int actions;

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
        this.inputSize = net.inputSize();
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

    /** One forward and backward pass that pushes the chosen terms' gradients (the values of all terms computed). */
    private Result compute(float[] obs, float[] policy, boolean[] legal, float[] outcome, int batch,
            boolean policyGradient, boolean valueGradient, boolean l2Gradient) {
        INDArray x = net.batch(obs, batch);
        Map<String, INDArray> acts = net.forward(x);
        double[] logits = NativeMemory.toDoubles(acts.get(ActorCriticNet.POLICY));
        double[] v = NativeMemory.toDoubles(acts.get(ActorCriticNet.VALUE));
        double[] dLogits = new double[batch * actions];
        double[] dV = new double[batch];
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
                dV[b] = -2 * err * (1 - t * t) / batch;
            }
        }
        INDArray glDouble = Nd4j.create(dLogits, new long[] {batch, actions}, 'c');
        INDArray gvDouble = Nd4j.create(dV, new long[] {batch, 1}, 'c');
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
        return new Result(policyLoss / batch, valueLoss / batch, penalty, gradient);
    }
}
