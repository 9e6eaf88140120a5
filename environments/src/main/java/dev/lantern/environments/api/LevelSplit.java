package dev.lantern.environments.api;

/**
 * The two disjoint sets of levels of a {@link LevelFamily}: the levels trained on and the held-out levels that measure
 * generalisation.
 */
public enum LevelSplit {
    /** The levels episodes are drawn from during training. */
    TRAIN("train"),
    /** The held-out levels, never played in training; no test level equals a training level. */
    TEST("test");

    private final String label;

    LevelSplit(String label) {
        this.label = label;
    }

    /** The split's name in metric names and messages: {@code train} or {@code test}. */
    public String label() {
        return label;
    }
}
