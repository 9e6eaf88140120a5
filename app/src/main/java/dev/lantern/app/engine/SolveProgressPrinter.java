package dev.lantern.app.engine;

import dev.lantern.environments.grid.solve.SolveProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows the progress of an exact solve on a stream (stderr for the CLI and the lab), so that a large one is never
 * silent: nothing during the first second (small maps solve in milliseconds), then at most one line a second, e.g.
 * {@code lantern: solving map:big.txt exactly: finite-horizon solve step 120 of 200 (60%)}, and a closing line with the
 * time taken when anything was shown. Not thread-safe: one solve at a time.
 */
public final class SolveProgressPrinter implements SolveProgress {

    private static final long QUIET_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final String subject;
    private final LongSupplier clock;
    private final long startNanos;
    private long lastNanos;
    private boolean shown;

    /**
     * @param out     where the lines go
     * @param subject what is solved, e.g. the environment id
     * @param clock   nanoseconds, monotonic ({@link System#nanoTime()} outside tests)
     */
    public SolveProgressPrinter(PrintStream out, String subject, LongSupplier clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startNanos = clock.getAsLong();
    }

    /** A printer on {@link System#err}, starting now. */
    public static SolveProgressPrinter toStderr(String subject) {
        return new SolveProgressPrinter(System.err, subject, System::nanoTime);
    }

    @Override
    public void step(String phase, long done, long total, double residual) {
        long now = clock.getAsLong();
        if (now - startNanos < QUIET_NANOS || (shown && now - lastNanos < QUIET_NANOS)) {
            return;
        }
        lastNanos = now;
        shown = true;
        String line = String.format(Locale.ROOT, "lantern: solving %s exactly: %s step %,d of %s%,d (%.0f%%)", subject,
                phase, done, phase.startsWith("value iteration") ? "at most " : "", total, 100.0 * done / total);
        if (!Double.isNaN(residual)) {
            line += String.format(Locale.ROOT, ", largest change %.2e", residual);
        }
        out.println(line);
        out.flush();
    }

    /** Ends the progress: a closing line with the time taken, if any line was shown. */
    public void finish() {
        if (shown) {
            out.printf(Locale.ROOT, "lantern: solved %s in %.1f s%n", subject,
                    (clock.getAsLong() - startNanos) / 1e9);
            out.flush();
        }
    }
}
