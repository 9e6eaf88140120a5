package dev.lantern.agents.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Test fixture (shared through agents' test-jar): what a config's {@code validate(path, problems)} reports. */
public final class ConfigProblems {

    private ConfigProblems() {
    }

    /**
     * The problems {@code validate} adds under {@code path}, in its order; empty for a valid config.
     *
     * @param validate a config's {@code validate} method, e.g. {@code config::validate}
     */
    public static List<String> of(BiConsumer<String, List<String>> validate, String path) {
        List<String> problems = new ArrayList<>();
        validate.accept(path, problems);
        return problems;
    }
}
