package dev.lantern.agents.dqn;

/** Receives assembled n-step transitions (a replay buffer). */
public interface TransitionSink {

    /**
     * Stores one transition {@code (s, a, R, d, s')}.
     *
     * @param obs        array holding s at {@code [obsOffset, obsOffset + obsSize)}
     * @param obsOffset  where s starts
     * @param action     a
     * @param nStepReturn R = Σ_{j<k} γ^j r_{t+j}
     * @param discount   d = γ^k, or 0 when the episode terminated inside the k steps
     * @param next       array holding s' (the observation k steps later; the final one of an ended episode)
     * @param nextOffset where s' starts
     */
    void add(float[] obs, int obsOffset, int action, double nStepReturn, double discount, float[] next, int nextOffset);
}
