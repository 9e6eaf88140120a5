package dev.lantern.analysis.stats;

/** Which way a metric improves: return and success rate go up, steps to solve go down. */
public enum Direction {
    /** Larger scores are better (returns, success rates). */
    HIGHER_IS_BETTER,
    /** Smaller scores are better (steps to the first solving evaluation). */
    LOWER_IS_BETTER;

    /** {@code "higher"} or {@code "lower"}, as the files write it. */
    public String key() {
        return this == HIGHER_IS_BETTER ? "higher" : "lower";
    }
}
