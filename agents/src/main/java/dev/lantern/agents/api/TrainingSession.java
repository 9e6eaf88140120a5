package dev.lantern.agents.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** What a learning agent reports to the trainer while it collects data and updates (training thread only). */
public interface TrainingSession {

    /** Environment steps collected so far (all copies together). */
    long envSteps();

    /** Counts {@code n} more environment steps. */
    void addEnvSteps(int n);

    /** An episode ended: its return, hidden performance and length in steps. */
    void episodeEnded(double episodeReturn, double performance, int length, boolean success);

    /** Records a scalar metric at the current step. */
    void metric(String name, double value);

    /** True if {@link #updateApplied} should receive θ_t (a copy per update). */
    boolean needsParameterHistory();

    /**
     * An optimizer step was applied.
     *
     * @param paramsBefore θ_t (copy) or null when {@link #needsParameterHistory()} is false
     * @param probe        the pinned loss of the current window, or null
     */
    void updateApplied(INDArray paramsBefore, PinnedLoss probe);
}
