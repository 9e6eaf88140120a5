package dev.lantern.agents.train;

import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.TrainingSession;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training session that counts: environment steps, episodes and updates, and the last value and the sum of every
 * metric. On its own it drives an agent without a trainer or files (budgeted runs, benchmarks); the trainer's session
 * and the tests' recording session extend it (overriding methods call {@code super} so the counts stay right). Asks
 * for no parameter history and ignores probes.
 */
public class CountingSession implements TrainingSession {

    private final Map<String, Double> last = new TreeMap<>();
    private final Map<String, Double> sums = new TreeMap<>();
    private long envSteps;
    private long episodes;
    private long updates;

    /** Forgets counts and metrics. */
    public void reset() {
        last.clear();
        sums.clear();
        envSteps = 0;
        episodes = 0;
        updates = 0;
    }

    /** Episodes ended so far. */
    public long episodes() {
        return episodes;
    }

    /** Optimizer steps reported so far ({@link #updateApplied} calls). */
    public long updates() {
        return updates;
    }

    /** The last value of every metric, by name (a live, unmodifiable view). */
    public Map<String, Double> lastMetrics() {
        return Collections.unmodifiableMap(last);
    }

    /** The sum of every value of metric {@code name} so far, 0 if none. */
    public double sum(String name) {
        return sums.getOrDefault(name, 0.0);
    }

    /** Sets the counters to those of a checkpoint that a resumed run continues from. */
    protected void resumeAt(long envStepsSoFar, long episodesSoFar, long updatesSoFar) {
        envSteps = envStepsSoFar;
        episodes = episodesSoFar;
        updates = updatesSoFar;
    }

    @Override
    public long envSteps() {
        return envSteps;
    }

    @Override
    public void addEnvSteps(int n) {
        envSteps += n;
    }

    @Override
    public void episodeEnded(double episodeReturn, double performance, int length, boolean success) {
        episodes++;
    }

    @Override
    public void metric(String name, double value) {
        last.put(name, value);
        sums.merge(name, value, Double::sum);
    }

    @Override
    public boolean needsParameterHistory() {
        return false;
    }

    @Override
    public void updateApplied(INDArray paramsBefore, PinnedLoss probe) {
        updates++;
    }
}
