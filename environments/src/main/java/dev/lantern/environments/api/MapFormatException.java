package dev.lantern.environments.api;

import java.util.List;

/**
 * A map (user input) has one or more problems; every problem found is listed, each with its location.
 *
 * <p>The parser reads the whole map and reports everything at once, not just the first mistake. The message is the
 * list of problems, one per line, each as {@code source:line:column: message}, e.g.
 * <pre>
 * maps/rooms.txt:3:7: unknown tile 'Q' (known: # . S G L k D)
 * maps/rooms.txt:5:12: row has 11 cells, expected 13 (the width of line 1)
 * </pre>
 * A command-line tool prints {@link #getMessage()} and exits with status 2, without a stack trace.
 */
public final class MapFormatException extends RuntimeException {

    private final List<MapProblem> problems;
    private final int count;

    /**
     * Creates the exception.
     *
     * @param problems every problem found, in reading order; at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public MapFormatException(List<MapProblem> problems) {
        this(problems, problems.size());
    }

    /**
     * Creates the exception for a map with more problems than are listed.
     *
     * @param problems the problems listed, in reading order, the last one saying how many more were found
     * @param count    how many problems were found in all (the listed ones, without that last line, and the rest)
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public MapFormatException(List<MapProblem> problems, int count) {
        super(format(problems));
        this.problems = List.copyOf(problems);
        this.count = count;
    }

    /** How many problems were found; more than {@code problems().size()} when only the first ones are listed. */
    public int count() {
        return count;
    }

    /** Every problem found, in reading order (by line, then column); never empty. */
    public List<MapProblem> problems() {
        return problems;
    }

    private static String format(List<MapProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a MapFormatException needs at least one problem");
        }
        StringBuilder sb = new StringBuilder();
        for (MapProblem p : problems) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(p);
        }
        return sb.toString();
    }
}
