package dev.lantern.agents.nn;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A learning rate that falls linearly from {@code initialValue} at update 0 to 0 at update {@code decayUpdates}, and
 * stays 0 after: {@code initialValue · max(0, 1 − i / decayUpdates)}. (DL4J's {@code PolySchedule} computes
 * {@code (1 + i/maxIter)^p}, which grows; this is the decay CleanRL's PPO uses.) Serialized with the network, so a
 * restored checkpoint continues the same schedule.
 */
public final class LinearDecaySchedule implements ISchedule {

    private static final long serialVersionUID = 1L;

    private final double initialValue;
    private final long decayUpdates;

    /**
     * @param initialValue the value at update 0
     * @param decayUpdates the update at which the value reaches 0; must be > 0
     */
    @JsonCreator
    public LinearDecaySchedule(@JsonProperty("initialValue") double initialValue,
            @JsonProperty("decayUpdates") long decayUpdates) {
        if (decayUpdates <= 0) {
            throw new IllegalArgumentException("decayUpdates must be > 0, got " + decayUpdates);
        }
        this.initialValue = initialValue;
        this.decayUpdates = decayUpdates;
    }

    /** The value at update 0. */
    public double getInitialValue() {
        return initialValue;
    }

    /** The update at which the value reaches 0. */
    public long getDecayUpdates() {
        return decayUpdates;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return initialValue * Math.max(0.0, 1.0 - iteration / (double) decayUpdates);
    }

    @Override
    public ISchedule clone() {
        return new LinearDecaySchedule(initialValue, decayUpdates);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearDecaySchedule s && s.initialValue == initialValue && s.decayUpdates == decayUpdates;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(initialValue) * 31 + Long.hashCode(decayUpdates);
    }

    @Override
    public String toString() {
        return "LinearDecaySchedule(" + initialValue + " -> 0 over " + decayUpdates + " updates)";
    }
}
