package dev.lantern.agents.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A line file of a run directory ({@code metrics.jsonl}, {@code lca/steps.jsonl}, {@code lca/neurons.jsonl}), opened
 * for appending: lines are buffered and reach the file at {@link #flush()}. A failed write (a full disk) names the
 * file; a run killed or failed mid-write can leave one incomplete last line, which readers skip and a resumed run cuts away
 * ({@link MetricsFile#truncate}).
 */
public final class AppendFile implements AutoCloseable {

    private final Path path;
    private final BufferedWriter out;

    private AppendFile(Path path, BufferedWriter out) {
        this.path = path;
        this.out = out;
    }

    /**
     * Opens {@code path} for appending, creating it (and its folder) if missing.
     *
     * @throws UncheckedIOException if it cannot be opened, naming it
     */
    public static AppendFile open(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            return new AppendFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /**
     * Appends {@code line}, which ends with {@code '\n'}.
     *
     * @throws UncheckedIOException if it cannot be written (e.g. "No space left on device"), naming the file
     */
    public void append(String line) {
        try {
            FaultInjection.beforeWrite(path, () -> {
                out.write(line, 0, line.length() / 2);
                out.flush();
            });
            out.write(line);
        } catch (IOException e) {
            throw failed("write", e);
        }
    }

    /** Pushes buffered lines to the file. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed("write", e);
        }
    }

    /** Flushes and returns the file's length in bytes. */
    public long flushedLength() {
        flush();
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw failed("read the size of", e);
        }
    }

    /** Flushes and closes the file. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw failed("close", e);
        }
    }

    private UncheckedIOException failed(String what, IOException e) {
        return new UncheckedIOException("cannot " + what + " " + path + ": " + e.getMessage(), e);
    }
}
