package dev.lantern.environments.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The primitive index the state space numbers its states with: every key found after growing many times. */
class StateIndexTest {

    @Test
    void findsEveryKeyAfterGrowing() {
        StateIndex index = new StateIndex(1);
        SplittableRandom rng = new SplittableRandom(7);
        long[] keys = new long[100_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) rng.nextInt(1 << 20) << 32) | i; // (context, cell) as the state space packs them
            assertEquals(-1, index.putIfAbsent(keys[i], i));
        }
        assertEquals(keys.length, index.size());
        for (int i = 0; i < keys.length; i++) {
            assertEquals(i, index.get(keys[i]));
            assertEquals(i, index.putIfAbsent(keys[i], -5)); // present: the old value stays
        }
        assertEquals(-1, index.get(1L << 40));
        assertEquals(keys.length, index.size());
    }
}
