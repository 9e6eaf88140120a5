package dev.lantern.agents.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends metrics to {@code metrics.jsonl}, one JSON object a line:
 * {@code {"step": 1200, "time": 3.21, "name": "episode/return", "value": 0.93}}. {@code time} is wall-clock seconds
 * since the run started (with the {@code time/*} metrics, the only values that differ between two identical runs).
 * Values are written with {@link Double#toString}, which parses back to the exact same double; non-finite values are
 * written as
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} strings. Lines are flushed at every {@link #flush()}; a run
 * killed mid-write can leave one incomplete last line, which readers skip.
 */
public final class MetricsFile implements AutoCloseable {

    private final AppendFile out;
    private final long startNanos;

    /** Creates (or appends to) {@code path}; times count from now. */
    public MetricsFile(Path path) {
        this(path, 0);
    }

    /**
     * Appends to {@code path} (created if missing); times count from {@code elapsedSeconds} now, so that a resumed
     * run's times continue those of the run it resumes.
     */
    public MetricsFile(Path path, double elapsedSeconds) {
        out = AppendFile.open(path);
        startNanos = System.nanoTime() - (long) (elapsedSeconds * 1e9);
    }

    /**
     * Appends one line.
     *
     * @param step  environment steps collected so far when the value was measured
     * @param name  {@code group/name}
     * @param value the value
     */
    public void scalar(long step, String name, double value) {
        double time = Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3;
        StringBuilder line = new StringBuilder(96);
        line.append("{\"step\": ").append(step).append(", \"time\": ").append(time).append(", \"name\": \"")
                .append(name).append("\", \"value\": ");
        appendNumber(line, value);
        line.append("}\n");
        out.append(line.toString());
    }

    /**
     * Appends {@code value} as a JSON value: the number when finite (exact round trip), else the string
     * {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}, which strict JSON readers accept.
     */
    public static StringBuilder appendNumber(StringBuilder out, double value) {
        if (Double.isFinite(value)) {
            return out.append(value);
        }
        return out.append('"').append(value).append('"');
    }

    /** Pushes buffered lines to the file. */
    public void flush() {
        out.flush();
    }

    /** Flushes and returns the file's length in bytes (what a checkpoint records to truncate back to). */
    public long flushedLength() {
        return out.flushedLength();
    }

    /**
     * Cuts {@code file} back to its first {@code length} bytes: lines written after a checkpoint by a run that was then
     * killed are dropped before the resumed run writes them again.
     *
     * @throws IllegalArgumentException if the file is shorter than {@code length} (it lost lines the checkpoint saw)
     */
    public static void truncate(Path file, long length) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                StandardOpenOption.WRITE)) {
            if (ch.size() < length) {
                throw new IllegalArgumentException(file + " has " + ch.size() + " bytes but the checkpoint recorded "
                        + length + ": the file lost lines the checkpoint saw");
            }
            ch.truncate(length);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": missing, but the checkpoint recorded " + length + " bytes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        out.close();
    }
}
