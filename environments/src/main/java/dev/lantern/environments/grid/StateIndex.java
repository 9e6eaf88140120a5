package dev.lantern.environments.grid;

import java.util.Arrays;

/**
 * A map from a non-negative {@code long} key to an {@code int}, by open addressing in two primitive arrays: what
 * {@link GridStateSpace} numbers its states with, so a million-state space costs about 24 MB instead of a boxed key,
 * an {@code Integer} and a hash-map node per state. Not thread-safe while it grows; read-only use afterwards is.
 */
final class StateIndex {

    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    /** An empty map sized for about {@code expected} entries. */
    StateIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** Number of entries. */
    int size() {
        return size;
    }

    /** The value of {@code key}, or -1 when absent. */
    int get(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Puts {@code key -> value} unless {@code key} is present.
     *
     * @return the value already there, or -1 when it was added
     */
    int putIfAbsent(long key, int value) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j]);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
