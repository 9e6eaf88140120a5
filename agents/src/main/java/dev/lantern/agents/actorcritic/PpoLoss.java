package dev.lantern.agents.actorcritic;

import dev.lantern.agents.nn.Softmax;
import java.util.List;

/**
 * PPO's clipped objective with a value loss and an entropy bonus, and its exact gradient with respect to the
 * network's two heads, in double precision on plain arrays.
 *
 * <p>For a batch of {@code B} samples with logits {@code z_b}, value {@code V_b}, action {@code a_b}, behaviour
 * log-probability {@code μ_b}, advantage {@code A_b} and return {@code R_b}:
 *
 * <pre>
 *   r_b      = exp(log π(a_b | s_b) − μ_b)
 *   L_policy = −(1/B) Σ_b min(r_b A_b, clip(r_b, 1 − ε, 1 + ε) A_b)
 *   L_value  = (1/B) Σ_b ½ (V_b − R_b)²
 *   H        = (1/B) Σ_b −Σ_j π_j log π_j
 *   L        = L_policy + c_v L_value − c_e H
 * </pre>
 *
 * Where the clipped term is the smaller one its gradient is zero; where the two tie (inside the clip range) the
 * unclipped gradient is used, which is the true derivative there.
 */
public final class PpoLoss {

    /** The loss's terms as {@link #termValues} writes them: {@code L_policy}, {@code c_v L_value}, {@code −c_e H}. */
    public static final List<String> TERMS = List.of("policy", "value", "entropy");

    private final double clipRange;
    private final double valueCoef;
    private final double entropyCoef;

    /**
     * @param clipRange   ε, e.g. 0.2
     * @param valueCoef   c_v, weight of the value loss
     * @param entropyCoef c_e, weight of the entropy bonus
     */
    public PpoLoss(double clipRange, double valueCoef, double entropyCoef) {
        this.clipRange = clipRange;
        this.valueCoef = valueCoef;
        this.entropyCoef = entropyCoef;
    }

    /**
     * Computes the loss and writes dL/dlogits and dL/dvalues.
     *
     * @param logits      {@code [B * A]} row-major
     * @param values      {@code [B]}
     * @param actionCount A
     * @param batch       actions, behaviour log-probabilities, advantages, returns ({@code [B]} each)
     * @param dLogits     out, {@code [B * A]}
     * @param dValues     out, {@code [B]}
     */
    public LossParts evaluate(double[] logits, double[] values, int actionCount, PpoTargets batch, double[] dLogits,
            double[] dValues) {
        return evaluate(logits, values, actionCount, batch, dLogits, null, null, dValues);
    }

    /**
     * Computes the loss and writes the gradient of its policy and entropy terms apart: {@code dPolicyLogits} is
     * dL_policy/dlogits, {@code dEntropyLogits} is d(−c_e H)/dlogits, {@code dValues} is d(c_v L_value)/dvalues. Their
     * sum is {@link #evaluate(double[], double[], int, PpoTargets, double[], double[])}'s dL/dlogits.
     *
     * @param logits         {@code [B * A]} row-major
     * @param values         {@code [B]}
     * @param actionCount    A
     * @param batch          actions, behaviour log-probabilities, advantages, returns ({@code [B]} each)
     * @param dPolicyLogits  out, {@code [B * A]}
     * @param dEntropyLogits out, {@code [B * A]}
     * @param dValues        out, {@code [B]}
     */
    public LossParts evaluateTerms(double[] logits, double[] values, int actionCount, PpoTargets batch,
            double[] dPolicyLogits, double[] dEntropyLogits, double[] dValues) {
        return evaluate(logits, values, actionCount, batch, null, dPolicyLogits, dEntropyLogits, dValues);
    }

    /** One pass; each of the three dLogits outputs is written when not null. */
    private LossParts evaluate(double[] logits, double[] values, int actionCount, PpoTargets batch, double[] dLogits,
            double[] dPolicyLogits, double[] dEntropyLogits, double[] dValues) {
        int n = batch.size();
        double inv = 1.0 / n;
        double policy = 0;
        double value = 0;
        double entropy = 0;
        double kl = 0;
        int clipped = 0;
        double[] p = new double[actionCount];
        double[] logp = new double[actionCount];
        for (int b = 0; b < n; b++) {
            int o = b * actionCount;
            Softmax.logRow(logits, o, actionCount, logp);
            double h = 0;
            for (int j = 0; j < actionCount; j++) {
                p[j] = Math.exp(logp[j]);
                h -= p[j] * logp[j];
            }
            int a = batch.actions()[b];
            double adv = batch.advantages()[b];
            double logRatio = logp[a] - batch.oldLogProbs()[b];
            double ratio = Math.exp(logRatio);
            double unclipped = ratio * adv;
            double clippedTerm = Math.min(Math.max(ratio, 1 - clipRange), 1 + clipRange) * adv;
            boolean unclippedActive = unclipped <= clippedTerm;
            policy -= Math.min(unclipped, clippedTerm);
            if (!unclippedActive) {
                clipped++;
            }
            kl += (ratio - 1) - logRatio;
            // d(−min)/dlogp_a = −A r where the unclipped term is active, else 0.
            double dLogpA = unclippedActive ? -adv * ratio * inv : 0;
            for (int j = 0; j < actionCount; j++) {
                double indicator = j == a ? 1 : 0;
                double dPolicy = dLogpA * (indicator - p[j]);
                // dH/dz_j = −p_j (log p_j + H); the loss has −c_e H.
                double dEntropy = -p[j] * (logp[j] + h);
                double dEntropyTerm = entropyCoef * dEntropy * inv;
                if (dLogits != null) {
                    dLogits[o + j] = dPolicy - dEntropyTerm;
                }
                if (dPolicyLogits != null) {
                    dPolicyLogits[o + j] = dPolicy;
                    dEntropyLogits[o + j] = -dEntropyTerm;
                }
            }
            double diff = values[b] - batch.returns()[b];
            value += 0.5 * diff * diff;
            dValues[b] = valueCoef * diff * inv;
            entropy += h;
        }
        policy *= inv;
        value *= inv;
        entropy *= inv;
        double total = policy + valueCoef * value - entropyCoef * entropy;
        return new LossParts(total, policy, value, entropy, kl * inv, clipped * inv);
    }

    /** Writes the terms of {@code parts} as they enter the loss, in {@link #TERMS}' order: {@code [3]}. */
    public void termValues(LossParts parts, double[] out) {
        out[0] = parts.policy();
        out[1] = valueCoef * parts.value();
        out[2] = -entropyCoef * parts.entropy();
    }
}
