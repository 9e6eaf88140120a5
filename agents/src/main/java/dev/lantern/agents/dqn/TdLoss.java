package dev.lantern.agents.dqn;

/**
 * The TD loss of DQN and its targets, in double precision on plain arrays.
 *
 * <p><b>Loss.</b> {@code L = (1/B) Σ_i w_i h_κ(δ_i)} with {@code δ_i = Q(s_i, a_i) − y_i}, the Huber function
 * {@code h_κ(δ) = δ²/2} for {@code |δ| ≤ κ} and {@code κ(|δ| − κ/2)} beyond, and importance weights {@code w_i}
 * (all 1 without prioritized replay). Its gradient reaches only the taken action's column:
 * {@code dL/dQ(s_i, a) = [a = a_i] w_i clip(δ_i, −κ, κ) / B}.
 *
 * <p><b>Targets.</b> {@code y = R + d · Q_target(s', a*)}, where {@code R} is the n-step discounted return,
 * {@code d = γ^k} (0 when the episode terminated inside the k steps), and {@code a* = argmax_a Q_online(s', a)} for
 * double DQN (van Hasselt et al. 2016) or {@code argmax_a Q_target(s', a)} for the original DQN; ties go to the lowest
 * action.
 */
public final class TdLoss {

    private TdLoss() {
    }

    /**
     * The loss at {@code q}, writing its gradient and the TD errors.
     *
     * @param q        {@code [B * actions]} row-major Q-values of the batch
     * @param actions  number of actions
     * @param taken    {@code [B]} the taken actions
     * @param targets  {@code [B]} the targets y
     * @param weights  {@code [B]} importance weights, or null for all 1
     * @param delta    the Huber κ > 0
     * @param dQ       out, {@code [B * actions]}: dL/dQ
     * @param tdErrors out, {@code [B]}: δ = Q(s, a) − y, or null
     * @return L
     */
    public static double evaluate(double[] q, int actions, int[] taken, double[] targets, double[] weights,
            double delta, double[] dQ, double[] tdErrors) {
        int n = taken.length;
        java.util.Arrays.fill(dQ, 0, n * actions, 0.0);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int j = i * actions + taken[i];
            double d = q[j] - targets[i];
            double w = weights == null ? 1.0 : weights[i];
            double abs = Math.abs(d);
            sum += w * (abs <= delta ? 0.5 * d * d : delta * (abs - 0.5 * delta));
            dQ[j] = w * Math.max(-delta, Math.min(delta, d)) / n;
            if (tdErrors != null) {
                tdErrors[i] = d;
            }
        }
        return sum / n;
    }

    /**
     * Bootstrapped targets {@code y_i = R_i + d_i · Q_target(s'_i, a*_i)}.
     *
     * @param qNextOnline {@code [B * actions]} online Q-values at the next observations (used when {@code doubleDqn})
     * @param qNextTarget {@code [B * actions]} target-network Q-values at the next observations
     * @param actions     number of actions
     * @param returns     {@code [B]} n-step discounted returns R
     * @param discounts   {@code [B]} bootstrap discounts d (γ^k, or 0 after termination)
     * @param doubleDqn   pick a* with the online network (true) or the target network (false)
     * @param out         out, {@code [B]}
     */
    public static void targets(double[] qNextOnline, double[] qNextTarget, int actions, double[] returns,
            double[] discounts, boolean doubleDqn, double[] out) {
        for (int i = 0; i < returns.length; i++) {
            double boot = 0;
            if (discounts[i] != 0) {
                int best = argmax(doubleDqn ? qNextOnline : qNextTarget, i * actions, actions);
                boot = discounts[i] * qNextTarget[i * actions + best];
            }
            out[i] = returns[i] + boot;
        }
    }

    /** Index in {@code [0, count)} of the largest of {@code values[offset ..]}, ties to the lowest. */
    public static int argmax(double[] values, int offset, int count) {
        int best = 0;
        for (int a = 1; a < count; a++) {
            if (values[offset + a] > values[offset + best]) {
                best = a;
            }
        }
        return best;
    }
}
