package dev.lantern.agents.train;

import dev.lantern.agents.api.PinnedLoss;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test fixture: a {@link CountingSession} that also records what the agent reports, in order, so two runs can be
 * compared exactly: every episode ({@code episode <envSteps> <return> <performance> <length> <success>}) and every
 * metric but the {@code time/*} ones, which are not reproducible ({@code <name> <envSteps> <raw bits of the value>});
 * the returns and lengths of the episodes; and each distinct pinned loss, in the order the windows began. In the agents module's
 * test-jar.
 */
public class RecordingSession extends CountingSession {

    private final List<String> events = new ArrayList<>();
    private final List<Double> returns = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final List<PinnedLoss> probes = new ArrayList<>();

    /** Episodes and reproducible metrics, in the order reported. */
    public List<String> events() {
        return Collections.unmodifiableList(events);
    }

    /** The return of every episode, in order. */
    public List<Double> episodeReturns() {
        return Collections.unmodifiableList(returns);
    }

    /** The length in steps of every episode, in order. */
    public List<Integer> episodeLengths() {
        return Collections.unmodifiableList(lengths);
    }

    /** The distinct pinned losses reported with updates, in order. */
    public List<PinnedLoss> probes() {
        return Collections.unmodifiableList(probes);
    }

    @Override
    public void episodeEnded(double episodeReturn, double performance, int length, boolean success) {
        super.episodeEnded(episodeReturn, performance, length, success);
        returns.add(episodeReturn);
        lengths.add(length);
        events.add("episode " + envSteps() + " " + episodeReturn + " " + performance + " " + length + " " + success);
    }

    @Override
    public void metric(String name, double value) {
        super.metric(name, value);
        if (!name.startsWith("time/")) {
            events.add(name + " " + envSteps() + " " + Double.doubleToRawLongBits(value));
        }
    }

    @Override
    public void updateApplied(INDArray paramsBefore, PinnedLoss probe) {
        super.updateApplied(paramsBefore, probe);
        if (probe != null && (probes.isEmpty() || probes.get(probes.size() - 1) != probe)) {
            probes.add(probe);
        }
    }
}
