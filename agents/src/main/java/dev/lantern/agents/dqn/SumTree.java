package dev.lantern.agents.dqn;

import java.util.Arrays;

/**
 * A complete binary tree over {@code capacity} non-negative leaf values that keeps every inner node's sum (and, in a
 * second tree, minimum), so that setting a leaf, the total, the minimum and finding the leaf where a prefix sum falls
 * all take {@code O(log capacity)} (Schaul et al. 2016, appendix B.2.1). Inner nodes are recomputed from their
 * children on every update, so sums do not drift with rounding.
 *
 * <p>Leaves never set count as 0 in the sum and are ignored by the minimum.
 */
public final class SumTree {

    private final int capacity;
    private final int base;
    private final double[] sums;
    private final double[] mins;

    /** A tree of {@code capacity > 0} leaves, all unset. */
    public SumTree(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
        }
        this.capacity = capacity;
        int b = 1;
        while (b < capacity) {
            b <<= 1;
        }
        this.base = b;
        this.sums = new double[2 * b];
        this.mins = new double[2 * b];
        Arrays.fill(mins, Double.POSITIVE_INFINITY);
    }

    /** Number of leaves. */
    public int capacity() {
        return capacity;
    }

    /**
     * Sets leaf {@code index} to {@code value}.
     *
     * @throws IllegalArgumentException if the index is out of range or the value negative or not finite
     */
    public void set(int index, double value) {
        if (index < 0 || index >= capacity) {
            throw new IllegalArgumentException("leaf " + index + " is not in [0, " + capacity + ")");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("leaf values must be finite and >= 0, got " + value);
        }
        int node = base + index;
        sums[node] = value;
        mins[node] = value;
        for (node >>= 1; node >= 1; node >>= 1) {
            sums[node] = sums[2 * node] + sums[2 * node + 1];
            mins[node] = Math.min(mins[2 * node], mins[2 * node + 1]);
        }
    }

    /** The value of leaf {@code index} (0 if never set). */
    public double get(int index) {
        return sums[base + index];
    }

    /** Sum of all leaves. */
    public double total() {
        return sums[1];
    }

    /** Smallest value among the leaves set, or +∞ if none. */
    public double min() {
        return mins[1];
    }

    /**
     * The leaf {@code i} with {@code Σ_{j<i} v_j ≤ prefix < Σ_{j≤i} v_j}; a prefix at or past the total gives the last
     * leaf with a positive value (rounding cannot select a zero leaf).
     *
     * @param prefix in {@code [0, total())}
     */
    public int find(double prefix) {
        double u = prefix;
        int node = 1;
        while (node < base) {
            int left = 2 * node;
            if (u < sums[left] || sums[left + 1] <= 0) {
                node = left;
            } else {
                u -= sums[left];
                node = left + 1;
            }
        }
        return node - base;
    }

    /** The leaf values {@code [0, count)}, for checkpoints. */
    public double[] leaves(int count) {
        return Arrays.copyOfRange(sums, base, base + count);
    }
}
