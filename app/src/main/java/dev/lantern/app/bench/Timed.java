package dev.lantern.app.bench;

import java.util.function.LongSupplier;

/**
 * How much work a bench loop did in a measured time: {@link #repeat} runs a chunk of work again and again until the
 * time is up, reading the clock only between chunks, so that a chunk should be small next to the time measured.
 *
 * @param count   units of work done (steps, searches, updates), summed over the chunks
 * @param seconds wall-clock seconds from the first chunk's start to the last chunk's end
 */
record Timed(long count, double seconds) {

    /**
     * Runs {@code chunk} at least once and until {@code nanos} have passed; each call does some work and returns how
     * many units it did.
     */
    static Timed repeat(long nanos, LongSupplier chunk) {
        long count = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long now;
        do {
            count += chunk.getAsLong();
            now = System.nanoTime();
        } while (now < end);
        return new Timed(count, (now - start) / 1e9);
    }

    /** Units of work per second. */
    double perSecond() {
        return count / seconds;
    }
}
