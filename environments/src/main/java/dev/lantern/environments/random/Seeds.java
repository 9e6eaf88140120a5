package dev.lantern.environments.random;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Derives one seed per component from the run seed and the component's name, so adding a component never shifts the
 * others' streams. The one place that names every stream a run draws from: each has a constant here, and
 * {@link #STREAMS} lists them all (the manifest records the seed of each).
 */
public final class Seeds {

    /** The stream of environment episode seeds (vectorized copies, tabular episodes). */
    public static final String ENV = "env";
    /** The stream that initializes network weights. */
    public static final String INIT = "init";
    /** The stream of the behaviour policy: action sampling, epsilon-greedy draws. */
    public static final String EXPLORE = "explore";
    /** The stream that shuffles minibatches (PPO epochs). */
    public static final String SHUFFLE = "shuffle";
    /** The stream that samples a replay buffer (DQN, AlphaZero). */
    public static final String REPLAY = "replay";
    /** The stream of AlphaZero's self-play games (search noise and move sampling). */
    public static final String SELFPLAY = "selfplay";
    /** The stream that draws the pinned probe sets of loss change allocation. */
    public static final String PROBE = "probe";
    /** The stream of evaluation episodes and matches. */
    public static final String EVAL = "eval";
    /** Every stream's name, in the order the manifest lists them. */
    public static final List<String> STREAMS = List.of(ENV, INIT, EXPLORE, SHUFFLE, REPLAY, SELFPLAY, PROBE, EVAL);

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
