package dev.lantern.environments.api;

import java.util.Objects;

/**
 * One located problem in a user-written map (or other text input).
 *
 * <p>Lines and columns are 1-based; column counts characters (Unicode code points) of the line. Line 0, column 0
 * means "the input as a whole" (for example a file that could not be read).
 *
 * @param source  where the text came from: a file path or a resource name, e.g. {@code maps/four-rooms.txt}
 * @param line    1-based line number, comment lines included; 0 when the problem has no line
 * @param column  1-based column; 0 when the problem has no column
 * @param message what is wrong, e.g. {@code unknown tile 'Q' (known: # . S G L k D)}
 */
public record MapProblem(String source, int line, int column, String message) {

    /** Checks that no component is null and that line and column are not negative. */
    public MapProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, got " + line + ":" + column);
        }
    }

    /**
     * The problem as {@code source:line:column: message}, the format compilers use; without a column
     * {@code source:line: message}, and about the input as a whole {@code source: message}
     * (e.g. {@code maps/x.txt: is a directory, not a map file}).
     */
    @Override
    public String toString() {
        if (line == 0) {
            return source + ": " + message;
        }
        return source + ":" + line + (column == 0 ? "" : ":" + column) + ": " + message;
    }
}
