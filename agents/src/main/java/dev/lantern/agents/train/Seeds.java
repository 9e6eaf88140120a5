package dev.lantern.agents.train;

import java.nio.charset.StandardCharsets;

/**
 * Derives one seed per component from the run seed and the component's name ({@code env}, {@code init},
 * {@code explore}, {@code shuffle}, {@code probe}, {@code eval}), so adding a component never shifts the others' streams.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The seed of component {@code name} in a run seeded with {@code runSeed}. */
    public static long derive(long runSeed, String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the name's UTF-8 bytes
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(runSeed ^ mix(h));
    }

    /** SplitMix64's finalizer: a bijective mix of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
