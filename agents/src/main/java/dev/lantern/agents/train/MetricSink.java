package dev.lantern.agents.train;

/** Receives scalar metrics named {@code group/name} (DESIGN.md), e.g. {@code episode/return}. */
@FunctionalInterface
public interface MetricSink {

    /**
     * Records one value.
     *
     * @param step  environment steps collected so far when the value was measured
     * @param name  {@code group/name}
     * @param value the value
     */
    void scalar(long step, String name, double value);
}
