package dev.lantern.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The position table behind the search's evaluation cache, checked against a plain {@link HashMap}. */
class EvaluationCacheTest {

    @Test
    void holdsWhatAMapHoldsThroughGrowthAndForgetsOnClear() {
        EvaluationCache cache = new EvaluationCache(3, 1 << 20);
        Map<Long, Double> reference = new HashMap<>();
        SplittableRandom rng = new SplittableRandom(4);
        for (int batch = 0; batch < 200; batch++) {
            cache.reserve(50);
            for (int k = 0; k < 50; k++) {
                long key = rng.nextLong(5_000); // many repeats, keys 0 included
                if (cache.find(key) < 0) {
                    int slot = cache.insert(key);
                    double value = key * 0.5 + 1;
                    cache.priorArray()[cache.priorOffset(slot)] = -value;
                    cache.put(slot, 1 + (int) (key % 3), value);
                    reference.put(key, value);
                }
            }
        }
        assertEquals(reference.size(), cache.size());
        for (Map.Entry<Long, Double> e : reference.entrySet()) {
            int slot = cache.find(e.getKey());
            assertTrue(slot >= 0, "key " + e.getKey());
            assertEquals(e.getValue(), cache.value(slot), 0.0);
            assertEquals(-e.getValue(), cache.priorArray()[cache.priorOffset(slot)], 0.0);
            assertEquals(1 + (int) (e.getKey() % 3), cache.priorCount(slot));
        }
        assertEquals(-1, cache.find(5_000));
        cache.clear();
        assertEquals(0, cache.size());
        for (long key : reference.keySet()) {
            assertEquals(-1, cache.find(key), "forgotten: " + key);
        }
    }

    @Test
    void startsAfreshInsteadOfGrowingPastItsBound() {
        EvaluationCache cache = new EvaluationCache(2, 100);
        cache.reserve(60);
        for (long key = 0; key < 60; key++) {
            cache.insert(key);
        }
        cache.reserve(60); // 120 > 100: cleared first
        assertEquals(0, cache.size());
        assertEquals(-1, cache.find(7));
    }

    @Test
    void refusesAnInsertWithoutRoom() {
        EvaluationCache cache = new EvaluationCache(2, 1 << 20);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            for (long key = 0; key < 10_000; key++) {
                cache.insert(key);
            }
        });
        assertTrue(e.getMessage().contains("no room reserved"), e.getMessage());
    }
}
