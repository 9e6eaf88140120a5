package dev.lantern.agents.train;

import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.TrainingSession;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training session without a trainer or files, for driving an agent directly (budgeted runs, benchmarks): counts
 * environment steps and episodes, and keeps the last value and the sum of every metric. Asks for no parameter history
 * and ignores probes.
 */
public final class CountingSession implements TrainingSession {

    private final Map<String, Double> last = new TreeMap<>();
    private final Map<String, Double> sums = new TreeMap<>();
    private long envSteps;
    private long episodes;

    /** Forgets counts and metrics. */
    public void reset() {
        last.clear();
        sums.clear();
        envSteps = 0;
        episodes = 0;
    }

    /** Episodes ended so far. */
    public long episodes() {
        return episodes;
    }

    /** The last value of every metric, by name (a live, unmodifiable view). */
    public Map<String, Double> lastMetrics() {
        return Collections.unmodifiableMap(last);
    }

    /** The sum of every value of metric {@code name} so far, 0 if none. */
    public double sum(String name) {
        return sums.getOrDefault(name, 0.0);
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
        // nothing to record
    }
}
