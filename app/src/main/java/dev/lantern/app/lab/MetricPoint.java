package dev.lantern.app.lab;

/**
 * One scalar metric as the trainer emitted it, queued from the training thread to the FX thread.
 *
 * @param step  environment steps collected when the value was measured
 * @param name  {@code group/name}, e.g. {@code episode/return}
 * @param value the value
 */
public record MetricPoint(long step, String name, double value) {

    /** Moves up to {@code max} points of {@code queue}, oldest first, into {@code into}; returns how many. */
    static int drain(java.util.Queue<MetricPoint> queue, java.util.List<MetricPoint> into, int max) {
        int n = 0;
        MetricPoint p;
        while (n < max && (p = queue.poll()) != null) {
            into.add(p);
            n++;
        }
        return n;
    }
}
