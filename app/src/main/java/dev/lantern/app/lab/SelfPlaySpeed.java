package dev.lantern.app.lab;

import dev.lantern.agents.train.MetricSink;
import dev.lantern.agents.train.Recorder;

/**
 * Adds up AlphaZero's self-play speed from the metrics every iteration writes ({@code
 * time/selfplay_positions_per_second} and {@code time/selfplay_seconds}, self-play alone: training steps and
 * evaluation matches excluded), from the second iteration on (the first warms the JIT). Written on the training
 * thread, read on any.
 */
public final class SelfPlaySpeed implements Recorder, MetricSink {

    /** The metric with the self-play time of an iteration. */
    static final String SECONDS = "time/selfplay_seconds";

    private double lastRate = Double.NaN; // training thread only
    private long seen; // training thread only
    private volatile double positions;
    private volatile double seconds;
    private volatile long iterations;

    @Override
    public void scalar(long step, String name, double value) {
        if (name.equals(GameCharts.POSITIONS_PER_SECOND)) {
            lastRate = value;
        } else if (name.equals(SECONDS) && !Double.isNaN(lastRate)) {
            if (seen++ > 0) {
                positions += lastRate * value;
                seconds += value;
                iterations++;
            }
            lastRate = Double.NaN;
        }
    }

    /** Self-play positions per second over the counted iterations; NaN before the second iteration ends. */
    public double positionsPerSecond() {
        return seconds == 0 ? Double.NaN : positions / seconds;
    }

    /** The iterations counted. */
    public long iterations() {
        return iterations;
    }

    /** The self-play seconds counted. */
    public double seconds() {
        return seconds;
    }
}
