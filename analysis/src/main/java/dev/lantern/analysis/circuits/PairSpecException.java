package dev.lantern.analysis.circuits;

import java.util.List;

/**
 * A pair file ({@link PairSpec#parse}) or a pair spec applied to a map with one or more problems, each naming where
 * it is ({@code pairs.json: [0].clean.hasKye: unknown field (known: row, column, ...)}); all are collected before this
 * is thrown. The command line prints them and exits 2.
 */
public final class PairSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems at least one located problem */
    public PairSpecException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PairSpecException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems, one message each. */
    public List<String> problems() {
        return problems;
    }
}
