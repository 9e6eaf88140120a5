package dev.lantern.analysis.circuits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Two state sets a user names by predicates over the exact state, and how their states are paired for
 * {@link ActivationPatching} (issue 10, point 4). Written in a pair file (JSON, {@link #parse}) as
 *
 * <pre>{@code
 * {"name": "key in the start room", "clean": {"hasKey": true, "column": [1, 3]}, "corrupted": {"hasKey": false},
 *  "match": ["row", "column"]}
 * }</pre>
 *
 * <p><b>Pairing rule.</b> The clean states are those meeting {@code clean}, the corrupted ones those meeting
 * {@code corrupted}. Each clean state, in state-number order, is paired with every corrupted state, in state-number
 * order, that is equal to it on every field named in {@code match}, and is never paired with itself. Without
 * {@code match} (or with an empty one) every clean state is paired with every corrupted state, the same rule with no
 * field to agree on. At most {@link #MAX_PAIRS} pairs.
 *
 * @param name      what the pairs contrast, for reports; {@code ""} for a description made from the predicates
 * @param clean     the clean states
 * @param corrupted the corrupted states
 * @param match     the fields a paired clean and corrupted state agree on
 */
public record PairSpec(String name, StatePredicate clean, StatePredicate corrupted, List<StateField> match) {

    /** The most pairs a spec may make on a map; more is an error (name a {@code match} or narrow the predicates). */
    public static final int MAX_PAIRS = 65_536;

    public PairSpec {
        match = List.copyOf(match);
        if (match.stream().distinct().count() != match.size()) {
            throw new IllegalArgumentException("match names a field twice: " + match);
        }
    }

    /**
     * The pair specs in a pair file: one spec object, or an array of them. Fields of a spec: {@code name} (a string,
     * optional), {@code clean} and {@code corrupted} (predicate objects, required), {@code match} (an array of field
     * names, optional). Fields of a predicate: the {@link StateField} names, each at most once; a number field takes a
     * whole number or {@code [low, high]} (inclusive), a boolean field {@code true} or {@code false}, {@code cell}
     * takes {@code [row, column]} or {@code [[row, column], ...]}.
     *
     * @param source names the text in messages (the file)
     * @throws PairSpecException listing every problem (invalid JSON, an unknown field, a wrong value), located
     */
    public static List<PairSpec> parse(String source, String json) {
        return PairSpecParser.parse(source, json);
    }

    /** What the pairs contrast: {@link #name()}, or the predicates and the match. */
    public String description() {
        if (!name.isEmpty()) {
            return name;
        }
        return "clean " + clean.text() + " vs corrupted " + corrupted.text()
                + (match.isEmpty() ? "" : " matched on " + match.stream().map(StateField::jsonName)
                        .collect(Collectors.joining(", ")));
    }

    /**
     * The pairs on {@code states}' map by the pairing rule above; empty, with why, when none.
     *
     * @throws PairSpecException if there would be more than {@link #MAX_PAIRS}
     */
    public StatePairs pairs(StateBatch states) {
        StateFacts facts = StateFacts.of(states);
        int[] cleanStates = clean.matching(facts);
        int[] corruptedStates = corrupted.matching(facts);
        String map = states.world().spec().id();
        if (cleanStates.length == 0 || corruptedStates.length == 0) {
            return new StatePairs(description(), new int[0], new int[0], "no state of " + map + " meets the "
                    + (cleanStates.length == 0 ? "clean predicate " + clean.text()
                            : "corrupted predicate " + corrupted.text()));
        }
        Map<List<Long>, List<Integer>> byKey = new HashMap<>();
        for (int x : corruptedStates) {
            byKey.computeIfAbsent(key(facts, x), k -> new ArrayList<>()).add(x);
        }
        List<int[]> pairs = new ArrayList<>();
        for (int c : cleanStates) {
            for (int x : byKey.getOrDefault(key(facts, c), List.of())) {
                if (x != c) {
                    if (pairs.size() == MAX_PAIRS) {
                        throw new PairSpecException(List.of(description() + ": more than " + MAX_PAIRS + " pairs on "
                                + map + " (" + cleanStates.length + " clean x " + corruptedStates.length
                                + " corrupted states); name fields to match or narrow the predicates"));
                    }
                    pairs.add(new int[] {c, x});
                }
            }
        }
        return new StatePairs(description(), pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray(), "no corrupted state of " + map + " (of "
                        + corruptedStates.length + ") other than the clean state itself equals a clean one (of "
                        + cleanStates.length + ") on " + match.stream().map(StateField::jsonName).toList());
    }

    private List<Long> key(StateFacts facts, int s) {
        List<Long> k = new ArrayList<>(match.size());
        for (StateField f : match) {
            k.add(f.value(facts, s));
        }
        return k;
    }
}
