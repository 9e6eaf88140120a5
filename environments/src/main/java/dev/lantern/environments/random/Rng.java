package dev.lantern.environments.random;

/**
 * Lantern's seeded random stream, for environments and agents alike: SplitMix64 (Steele, Lea and Flood 2014) with its
 * whole state in one {@code long}, so that checkpoints can save it and a resumed run draws exactly what the
 * uninterrupted run would have drawn. {@link #nextLong()} and {@link #nextDouble()} give exactly what
 * {@code java.util.SplittableRandom(seed)} gives (same increment and mix); {@link #nextInt(int)} does NOT (it rejects
 * differently).
 *
 * <p>Not thread-safe; each component owns its own stream, seeded through {@link Seeds#derive(long, String)}.
 */
public final class Rng {

    /** SplitMix64's increment, {@code 2^64 / phi} rounded to odd; also a good multiplier for Fibonacci hashing. */
    public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** A stream that starts from {@code seed}. */
    public Rng(long seed) {
        this.state = seed;
    }

    /** The complete state: {@code new Rng(s.state())} continues exactly like {@code s}. */
    public long state() {
        return state;
    }

    /** Puts back a state from {@link #state()}. */
    public void setState(long state) {
        this.state = state;
    }

    /** The next 64 uniformly random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return Seeds.mix(state);
    }

    /**
     * The {@code n}-th draw ({@code n >= 1}) of {@code nextLong()} of a stream started from {@code seed}, without
     * drawing the ones before: SplitMix64 is a counter ({@code seed + n * GOLDEN_GAMMA}) under a mix.
     */
    public static long nthLong(long seed, long n) {
        return Seeds.mix(seed + GOLDEN_GAMMA * n);
    }

    /** Uniform in {@code [0, 1)}, 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Uniform in {@code [0, bound)}, without modulo bias (Lemire's multiply-and-reject).
     *
     * @throws IllegalArgumentException if {@code bound <= 0}
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xffffffffL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A standard normal draw (Box–Muller, one of the pair; two uniform draws per call, no cached value). */
    public double nextGaussian() {
        double u = 1.0 - nextDouble(); // (0, 1]
        double v = nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A uniformly random permutation of {@code 0 .. n-1} (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public String toString() {
        return "Rng[state=" + Long.toHexString(state) + "]";
    }
}
