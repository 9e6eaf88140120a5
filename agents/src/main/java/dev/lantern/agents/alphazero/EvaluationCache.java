package dev.lantern.agents.alphazero;

import java.util.Arrays;

/**
 * The network's judgement of positions, by {@link dev.lantern.environments.board.GameState#key()}, for as long as its
 * parameters stay fixed: the priors over the position's legal actions (in ascending action order) and the value. An
 * open-addressing table of primitive arrays (no boxing, nothing allocated per entry); {@link #clear()} forgets every
 * entry in constant time. When {@link #reserve} finds no room for a batch within {@code maxEntries}, the table is
 * cleared first, so its memory stays bounded and what it holds depends only on the sequence of calls.
 *
 * <p>Slots: {@link #find} and {@link #insert} return a slot index, valid until the next {@link #reserve} or
 * {@link #clear}. Owned by one thread.
 */
final class EvaluationCache {

    private final int actions;
    private final int maxEntries;
    private long[] keys;
    private int[] stamps; // a slot is in use iff its stamp is the current generation
    private double[] priors; // [capacity * actions]
    private int[] priorCounts;
    private double[] values;
    private int generation = 1;
    private int size;
    private int mask;

    /**
     * @param actions    the game's distinct actions (the most priors an entry holds)
     * @param maxEntries the most entries kept, {@code >= 1}
     */
    EvaluationCache(int actions, int maxEntries) {
        if (actions < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("actions and maxEntries must be >= 1, got " + actions + " and "
                    + maxEntries);
        }
        this.actions = actions;
        this.maxEntries = maxEntries;
        allocate(1 << 10);
    }

    /** Entries held now. */
    int size() {
        return size;
    }

    /** Forgets every entry. */
    void clear() {
        size = 0;
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            generation = 0;
        }
        generation++;
    }

    /**
     * Makes room for {@code count} more entries, so that the slots of the next {@code count} insertions stay valid
     * together: grows the table, or clears it when it would exceed {@code maxEntries}.
     */
    void reserve(int count) {
        if (size + count > maxEntries) {
            clear();
        }
        int capacity = mask + 1;
        if (2 * (size + count) > capacity) {
            int grown = capacity;
            while (2 * (size + count) > grown) {
                grown *= 2;
            }
            rehash(grown);
        }
    }

    /** The slot holding {@code key}, or -1. */
    int find(long key) {
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            if (stamps[slot] != generation) {
                return -1;
            }
            if (keys[slot] == key) {
                return slot;
            }
        }
    }

    /** Takes a free slot for {@code key}, which must not be held (check {@link #find}); fill it with {@link #put}. */
    int insert(long key) {
        if (2 * (size + 1) > mask + 1) {
            throw new IllegalStateException("no room reserved: " + size + " entries in " + (mask + 1) + " slots");
        }
        int slot = hash(key) & mask;
        while (stamps[slot] == generation) {
            slot = (slot + 1) & mask;
        }
        stamps[slot] = generation;
        keys[slot] = key;
        priorCounts[slot] = 0;
        size++;
        return slot;
    }

    /** The priors array and the offset of {@code slot}'s priors in it ({@code actions} wide), for writing them. */
    double[] priorArray() {
        return priors;
    }

    /** Where {@code slot}'s priors start in {@link #priorArray()}. */
    int priorOffset(int slot) {
        return slot * actions;
    }

    /** Records that {@code slot} holds {@code count} priors and {@code value}. */
    void put(int slot, int count, double value) {
        priorCounts[slot] = count;
        values[slot] = value;
    }

    /** The number of priors {@code slot} holds. */
    int priorCount(int slot) {
        return priorCounts[slot];
    }

    /** The value {@code slot} holds. */
    double value(int slot) {
        return values[slot];
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        stamps = new int[capacity];
        priors = new double[capacity * actions];
        priorCounts = new int[capacity];
        values = new double[capacity];
        mask = capacity - 1;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldStamps = stamps;
        double[] oldPriors = priors;
        int[] oldCounts = priorCounts;
        double[] oldValues = values;
        int oldGeneration = generation;
        allocate(capacity);
        generation = 1;
        size = 0;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldStamps[s] == oldGeneration) {
                int slot = insert(oldKeys[s]);
                System.arraycopy(oldPriors, s * actions, priors, slot * actions, actions);
                put(slot, oldCounts[s], oldValues[s]);
            }
        }
    }

    /** A well-mixed 32-bit hash of a 64-bit key (the finalizer of MurmurHash3). */
    private static int hash(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
