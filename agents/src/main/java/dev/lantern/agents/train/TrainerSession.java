package dev.lantern.agents.train;

import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PinnedLoss;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trainer's side of the agent's reports: counts as {@link CountingSession} does, sends every metric and the
 * episode metrics ({@code episode/return}, {@code episode/length}, {@code episode/performance},
 * {@code episode/success}) to the run's sink at the current step, and turns every update into an {@link UpdateEvent}
 * for the recorders. Also counts the trainer's iterations.
 */
final class TrainerSession extends CountingSession {

    private final LearningAgent agent;
    private final MetricSink metrics;
    private final List<Recorder> recorders;
    private final boolean history;
    private long iterations;

    TrainerSession(LearningAgent agent, MetricSink metrics, List<Recorder> recorders) {
        this.agent = agent;
        this.metrics = metrics;
        this.recorders = recorders;
        this.history = recorders.stream().anyMatch(Recorder::needsParameterHistory);
    }

    /** Iterations completed. */
    long iterations() {
        return iterations;
    }

    /** Counts one more completed iteration and returns the new count. */
    long iterationEnded() {
        return ++iterations;
    }

    /** Continues the counts of a checkpoint. */
    void resumeAt(long envSteps, long episodes, long updates, long iterationsSoFar) {
        resumeAt(envSteps, episodes, updates);
        iterations = iterationsSoFar;
    }

    @Override
    public void episodeEnded(double episodeReturn, double performance, int length, boolean success) {
        super.episodeEnded(episodeReturn, performance, length, success);
        metric("episode/return", episodeReturn);
        metric("episode/length", length);
        metric("episode/performance", performance);
        metric("episode/success", success ? 1 : 0);
    }

    @Override
    public void metric(String name, double value) {
        super.metric(name, value);
        metrics.scalar(envSteps(), name, value);
    }

    @Override
    public boolean needsParameterHistory() {
        return history;
    }

    @Override
    public void updateApplied(INDArray paramsBefore, PinnedLoss probe) {
        long update = updates();
        super.updateApplied(paramsBefore, probe);
        UpdateEvent event = new UpdateEvent(update, envSteps(), paramsBefore, agent.network().params(), probe);
        for (Recorder r : recorders) {
            r.updateApplied(event);
        }
    }
}
