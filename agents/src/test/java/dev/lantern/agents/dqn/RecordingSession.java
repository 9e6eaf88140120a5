package dev.lantern.agents.dqn;

import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.TrainingSession;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A training session that records everything the agent reports (timings left out: they are not reproducible). */
final class RecordingSession implements TrainingSession {

    final List<String> events = new ArrayList<>();
    final List<PinnedLoss> probes = new ArrayList<>();
    long envSteps;
    int updates;

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
        events.add("episode " + envSteps + " " + episodeReturn + " " + performance + " " + length + " " + success);
    }

    @Override
    public void metric(String name, double value) {
        if (!name.startsWith("time/")) {
            events.add(name + " " + envSteps + " " + Double.doubleToRawLongBits(value));
        }
    }

    @Override
    public boolean needsParameterHistory() {
        return false;
    }

    @Override
    public void updateApplied(INDArray paramsBefore, PinnedLoss probe) {
        updates++;
        if (probe != null && (probes.isEmpty() || probes.get(probes.size() - 1) != probe)) {
            probes.add(probe);
        }
    }
}
