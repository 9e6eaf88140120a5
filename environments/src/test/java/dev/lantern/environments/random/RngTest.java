package dev.lantern.environments.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void aStreamRestartedFromItsStateContinuesIdentically() {
        Rng a = new Rng(7);
        for (int i = 0; i < 100; i++) {
            a.nextDouble();
        }
        Rng b = new Rng(0);
        b.setState(a.state());
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
            assertEquals(a.nextInt(37), b.nextInt(37));
            assertEquals(Double.doubleToRawLongBits(a.nextGaussian()), Double.doubleToRawLongBits(b.nextGaussian()));
        }
    }

    @Test
    void boundedDrawsAreUniformAndInRange() {
        Rng r = new Rng(1);
        int[] counts = new int[6];
        int n = 600_000;
        for (int i = 0; i < n; i++) {
            counts[r.nextInt(6)]++;
        }
        for (int c : counts) {
            assertEquals(n / 6.0, c, 5 * Math.sqrt(n / 6.0), Arrays.toString(counts)); // 5 sigma
        }
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(0));
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < 200_000; i++) {
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1);
            double g = r.nextGaussian();
            sum += g;
            sq += g * g;
        }
        assertEquals(0, sum / 200_000, 0.01);
        assertEquals(1, sq / 200_000, 0.02);
    }

    @Test
    void permutationsHoldEveryIndexOnce() {
        int[] p = new Rng(3).permutation(1000);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void longsAndDoublesAreThoseOfSplittableRandomAndNthLongSkipsAhead() {
        for (long seed : new long[] {0, 1, -7, 0x123456789abcdefL}) {
            Rng r = new Rng(seed);
            java.util.SplittableRandom reference = new java.util.SplittableRandom(seed);
            for (int i = 1; i <= 200; i++) {
                if (i % 2 == 0) {
                    assertEquals(Double.doubleToRawLongBits(reference.nextDouble()),
                            Double.doubleToRawLongBits(r.nextDouble()), "draw " + i + " of seed " + seed);
                    assertEquals(Rng.nthLong(seed, i), Seeds.mix(seed + Rng.GOLDEN_GAMMA * i));
                } else {
                    long expected = reference.nextLong();
                    assertEquals(expected, r.nextLong(), "draw " + i + " of seed " + seed);
                    assertEquals(expected, Rng.nthLong(seed, i));
                }
            }
        }
    }

    @Test
    void everyNamedStreamHasItsOwnSeed() {
        assertEquals(8, Seeds.STREAMS.size());
        long[] seeds = Seeds.STREAMS.stream().mapToLong(name -> Seeds.derive(1, name)).distinct().toArray();
        assertEquals(Seeds.STREAMS.size(), seeds.length, "streams " + Seeds.STREAMS + " must not share seeds");
        assertEquals("eval", Seeds.EVAL);
    }
}
