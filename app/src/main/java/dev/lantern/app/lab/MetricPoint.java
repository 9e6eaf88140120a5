package dev.lantern.app.lab;

/**
 * One scalar metric as the trainer emitted it, queued from the training thread to the FX thread.
 *
 * @param step  environment steps collected when the value was measured
 * @param name  {@code group/name}, e.g. {@code episode/return}
 * @param value the value
 */
public record MetricPoint(long step, String name, double value) {
}
