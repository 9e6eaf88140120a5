package dev.lantern.analysis.circuits;

import java.util.Arrays;
import java.util.List;

/**
 * A predicate over the exact state, the conjunction of its {@link Condition}s (none: every state), one side of a
 * {@link PairSpec}. Written in a pair file as a JSON object whose keys are {@link StateField} names, for instance
 * {@code {"hasKey": true, "row": [1, 3]}}: the agent holds a key and stands in rows 1 to 3.
 *
 * @param conditions every condition a state must meet, at most one per field
 * @param text       the predicate as written (for descriptions)
 */
public record StatePredicate(List<Condition> conditions, String text) {

    /**
     * One field's allowed values: a union of inclusive ranges.
     *
     * @param field  the field
     * @param ranges {@code [low0, high0, low1, high1, ...]}, inclusive; a boolean is {@code [0, 0]} or {@code [1, 1]};
     *               a cell is {@link StateField#cell}-encoded
     */
    public record Condition(StateField field, long[] ranges) {

        public Condition {
            ranges = ranges.clone();
            if (ranges.length == 0 || ranges.length % 2 != 0) {
                throw new IllegalArgumentException(field.jsonName() + ": " + ranges.length
                        + " range ends (expected pairs of [low, high])");
            }
        }

        /** Whether {@code value} lies in one of the ranges. */
        public boolean test(long value) {
            for (int i = 0; i < ranges.length; i += 2) {
                if (value >= ranges[i] && value <= ranges[i + 1]) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public long[] ranges() {
            return ranges.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Condition c && field == c.field && Arrays.equals(ranges, c.ranges);
        }

        @Override
        public int hashCode() {
            return 31 * field.hashCode() + Arrays.hashCode(ranges);
        }

        @Override
        public String toString() {
            return field.jsonName() + " in " + Arrays.toString(ranges);
        }
    }

    public StatePredicate {
        conditions = List.copyOf(conditions);
        long distinct = conditions.stream().map(Condition::field).distinct().count();
        if (distinct != conditions.size()) {
            throw new IllegalArgumentException("a field appears twice among " + conditions);
        }
    }

    /** Whether state {@code s} of {@code facts}' batch meets every condition. */
    boolean test(StateFacts facts, int s) {
        for (Condition c : conditions) {
            if (!c.test(c.field().value(facts, s))) {
                return false;
            }
        }
        return true;
    }

    /** The states of {@code states} that meet every condition, by state number, ascending. */
    public int[] matching(StateBatch states) {
        return matching(StateFacts.of(states));
    }

    int[] matching(StateFacts facts) {
        return java.util.stream.IntStream.range(0, facts.states().size()).filter(s -> test(facts, s)).toArray();
    }
}
