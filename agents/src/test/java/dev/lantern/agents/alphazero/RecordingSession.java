package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.TrainingSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A session that records what an agent reports, for tests. */
final class RecordingSession implements TrainingSession {

    long envSteps;
    int updates;
    final List<double[]> episodes = new ArrayList<>(); // {return, length}
    final Map<String, Double> metrics = new HashMap<>();

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
        episodes.add(new double[] {episodeReturn, length});
    }

    @Override
    public void metric(String name, double value) {
        metrics.put(name, value);
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
