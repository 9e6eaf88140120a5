package dev.lantern.app.lab;

/**
 * Keeps a series of (x, y) points in at most {@code maxPoints} points, so charts stay fast in long runs: points are
 * added raw until the limit, then neighbouring pairs are averaged (x and y) and every later point stands for a bucket
 * of twice as many raw points, and so on. The newest, still filling bucket is shown as its current mean. Not
 * thread-safe; used on the FX thread.
 */
final class Downsampler {

    private final int maxPoints;
    private final double[] xs;
    private final double[] ys;
    private int size;
    private int bucket = 1;
    private double pendingX;
    private double pendingY;
    private int pendingCount;
    private long rawCount;

    /** @param maxPoints the most points kept, even and {@code >= 2} */
    Downsampler(int maxPoints) {
        if (maxPoints < 2 || maxPoints % 2 != 0) {
            throw new IllegalArgumentException("maxPoints must be even and >= 2, got " + maxPoints);
        }
        this.maxPoints = maxPoints;
        xs = new double[maxPoints];
        ys = new double[maxPoints];
    }

    /** Adds one raw point. */
    void add(double x, double y) {
        rawCount++;
        pendingX += x;
        pendingY += y;
        pendingCount++;
        if (pendingCount == bucket) {
            if (size == maxPoints) {
                compact(); // the bucket doubles: the pending points are the first half of the next one
                return;
            }
            xs[size] = pendingX / pendingCount;
            ys[size] = pendingY / pendingCount;
            size++;
            pendingX = 0;
            pendingY = 0;
            pendingCount = 0;
        }
    }

    /** Number of points to draw now ({@code <= maxPoints + 1}: the kept ones plus a filling bucket, if any). */
    int size() {
        return size + (pendingCount > 0 ? 1 : 0);
    }

    /** X of point {@code i}, {@code 0 <= i < size()}. */
    double x(int i) {
        return checked(i) < size ? xs[i] : pendingX / pendingCount;
    }

    /** Y of point {@code i}, {@code 0 <= i < size()}. */
    double y(int i) {
        return checked(i) < size ? ys[i] : pendingY / pendingCount;
    }

    /** Raw points added so far. */
    long rawCount() {
        return rawCount;
    }

    /** Raw points each kept point stands for now (1, 2, 4, ...). */
    int bucketSize() {
        return bucket;
    }

    private int checked(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("point " + i + " of " + size());
        }
        return i;
    }

    private void compact() {
        int half = size / 2;
        for (int i = 0; i < half; i++) {
            xs[i] = (xs[2 * i] + xs[2 * i + 1]) / 2;
            ys[i] = (ys[2 * i] + ys[2 * i + 1]) / 2;
        }
        size = half;
        bucket *= 2;
    }
}
