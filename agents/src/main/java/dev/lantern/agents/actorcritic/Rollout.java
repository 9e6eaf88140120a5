package dev.lantern.agents.actorcritic;

/**
 * The rollout storage of the actor-critic learners: one iteration's transitions, {@code [T * N]} laid out step-major
 * (index {@code t * N + e} for step {@code t} of copy {@code e}; observations {@code obsSize} floats each), reused
 * every iteration, with the GAE advantages and returns computed over it and minibatches gathered from it.
 * {@code rewards} of a step cut by the time limit already hold {@code γ V(s_final)} (the caller adds it).
 */
final class Rollout {

    /** Observations the actions were taken in, {@code [T * N * obsSize]}. */
    final float[] obs;
    /** Actions taken. */
    final int[] actions;
    /** Behaviour log-probabilities of the actions. */
    final double[] logp;
    /** Value estimates V(s_t). */
    final double[] values;
    /** Rewards (plus the truncation bootstrap). */
    final double[] rewards;
    /** True where the episode ended at this step (terminated or truncated). */
    final boolean[] done;
    private final double[] advantages;
    private final double[] returns;
    private final int obsSize;

    /** Storage for {@code size} transitions of {@code obsSize}-float observations. */
    Rollout(int size, int obsSize) {
        this.obsSize = obsSize;
        obs = new float[size * obsSize];
        actions = new int[size];
        logp = new double[size];
        values = new double[size];
        rewards = new double[size];
        done = new boolean[size];
        advantages = new double[size];
        returns = new double[size];
    }

    /**
     * GAE (Schulman et al. 2016): {@code A_t = Σ_k (γλ)^k δ_{t+k}}, {@code δ_t = r_t + γ V(s_{t+1}) − V(s_t)}, cut at
     * episode ends, and returns {@code R_t = A_t + V(s_t)}.
     *
     * @param next     V of each copy's observation after the last step, {@code [N]}
     * @param envCount N
     * @param steps    T
     */
    void computeAdvantages(double[] next, int envCount, int steps, double gamma, double lambda) {
        for (int e = 0; e < envCount; e++) {
            double gae = 0;
            double nextValue = next[e];
            for (int t = steps - 1; t >= 0; t--) {
                int i = t * envCount + e;
                double nonTerminal = done[i] ? 0 : 1;
                double delta = rewards[i] + gamma * nextValue * nonTerminal - values[i];
                gae = delta + gamma * lambda * nonTerminal * gae;
                advantages[i] = gae;
                returns[i] = gae + values[i];
                nextValue = values[i];
            }
        }
    }

    /**
     * Copies the samples {@code idx} into {@code obsOut} and returns their targets, the advantages normalized to mean
     * 0 and standard deviation 1 over the samples when {@code normalize} (and there are at least two).
     */
    PpoTargets gather(int[] idx, float[] obsOut, boolean normalize) {
        int m = idx.length;
        int[] a = new int[m];
        double[] lp = new double[m];
        double[] adv = new double[m];
        double[] ret = new double[m];
        for (int k = 0; k < m; k++) {
            int i = idx[k];
            System.arraycopy(obs, i * obsSize, obsOut, k * obsSize, obsSize);
            a[k] = actions[i];
            lp[k] = logp[i];
            adv[k] = advantages[i];
            ret[k] = returns[i];
        }
        if (normalize && m > 1) {
            double mean = 0;
            for (double v : adv) {
                mean += v;
            }
            mean /= m;
            double var = 0;
            for (double v : adv) {
                var += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(var / (m - 1));
            for (int k = 0; k < m; k++) {
                adv[k] = (adv[k] - mean) / (std + 1e-8);
            }
        }
        return new PpoTargets(a, lp, adv, ret);
    }
}
