package dev.lantern.app.config;

import java.util.List;

/**
 * A configuration (experiment file, command-line values) with one or more problems. Every problem names where it is
 * ({@code four-rooms.json: agent.learningRate: must be > 0, got -1}); all are collected before this is thrown.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems at least one located problem */
    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems, one message each. */
    public List<String> problems() {
        return problems;
    }
}
