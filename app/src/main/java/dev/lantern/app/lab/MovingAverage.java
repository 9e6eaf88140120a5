package dev.lantern.app.lab;

/**
 * The mean of the last {@code window} values added (fewer at the start). Not thread-safe; used on the FX thread.
 */
final class MovingAverage {

    private final double[] ring;
    private int count;
    private int next;
    private double sum;
    private long adds;

    /** @param window how many recent values to average, {@code > 0} */
    MovingAverage(int window) {
        if (window <= 0) {
            throw new IllegalArgumentException("window must be > 0, got " + window);
        }
        ring = new double[window];
    }

    /** Adds {@code value} and returns the mean of the last {@code window} values, this one included. */
    double add(double value) {
        if (count == ring.length) {
            sum -= ring[next];
        } else {
            count++;
        }
        ring[next] = value;
        sum += value;
        next = (next + 1) % ring.length;
        if (++adds % (64L * ring.length) == 0) {
            sum = 0; // wipe rounding drift now and then
            for (int i = 0; i < count; i++) {
                sum += ring[i];
            }
        }
        return mean();
    }

    /** The current mean (NaN before the first value). */
    double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** How many values the mean covers now ({@code <= window}). */
    int size() {
        return count;
    }
}
