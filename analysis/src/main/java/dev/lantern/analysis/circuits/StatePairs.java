package dev.lantern.analysis.circuits;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridStateSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clean and corrupted states paired state by state for {@link ActivationPatching}: pair {@code i} is clean state
 * number {@code clean[i]} with corrupted state number {@code corrupted[i]} of one {@link StateBatch}.
 *
 * <p>The built-in pair sets ({@link #builtIn}) contrast one thing at a time, everything else of the exact state
 * ({@link GridState}: cell, keys mask, extras) held equal: the agent moved one cell, with vs without a key, trigger
 * vs no trigger ({@code grid/trojan-v1}), supervisor present vs absent ({@code grid/absent-supervisor-v1}). User pair
 * sets come from predicates over the exact state ({@link PairSpec}). A set that is empty says why.
 *
 * @param description what the pairs contrast (for reports)
 * @param clean       clean state numbers, {@code [pairs]}
 * @param corrupted   corrupted state numbers, {@code [pairs]}
 * @param whyEmpty    why there are no pairs on this map, when there are none; {@code ""} otherwise
 */
public record StatePairs(String description, int[] clean, int[] corrupted, String whyEmpty) {

    public StatePairs {
        clean = clean.clone();
        corrupted = corrupted.clone();
        if (clean.length != corrupted.length) {
            throw new IllegalArgumentException(description + ": " + clean.length + " clean states for "
                    + corrupted.length + " corrupted ones");
        }
        if (clean.length > 0) {
            whyEmpty = "";
        } else if (whyEmpty == null || whyEmpty.isEmpty()) {
            whyEmpty = "no pairs given";
        }
    }

    /** Pairs given state number by state number ({@code whyEmpty}: "no pairs given" when there are none). */
    public StatePairs(String description, int[] clean, int[] corrupted) {
        this(description, clean, corrupted, "");
    }

    /**
     * Every built-in pair set on {@code states}' map, in this order: {@link #movedOneCellRight},
     * {@link #withVersusWithoutKey}, {@link #triggerVersusNoTrigger}, {@link #supervisorPresentVersusAbsent}. Sets
     * that are empty on the map are included, each with its {@link #whyEmpty()}.
     */
    public static List<StatePairs> builtIn(StateBatch states) {
        return List.of(movedOneCellRight(states), withVersusWithoutKey(states), triggerVersusNoTrigger(states),
                supervisorPresentVersusAbsent(states));
    }

    /** Number of pairs. */
    public int size() {
        return clean.length;
    }

    @Override
    public int[] clean() {
        return clean.clone();
    }

    @Override
    public int[] corrupted() {
        return corrupted.clone();
    }

    /**
     * "The agent moved one cell": each decision state ({@link StateBatch#decisionStates()}) as the clean state,
     * paired with the state one cell to its right (same keys and extras) as the corrupted one, when that cell is free
     * (in the state space; it may be terminal, a goal for instance). Decision states with a wall to their right are
     * left out.
     */
    public static StatePairs movedOneCellRight(StateBatch states) {
        GridStateSpace space = states.space();
        boolean[] decides = states.decisionStates();
        List<int[]> pairs = new ArrayList<>();
        for (int s = 0; s < decides.length; s++) {
            if (decides[s]) {
                GridState g = space.state(s);
                int right = space.indexOf(new GridState(g.row(), g.col() + 1, g.keysMask(), g.extras()));
                if (right >= 0) {
                    pairs.add(new int[] {s, right});
                }
            }
        }
        return of("moved one cell right", pairs, "no decision state has a free cell to its right");
    }

    /**
     * "With vs without the key": each decision state holding keys as the clean state, paired, for each key it holds,
     * with the state on the same cell with the same extras but without that key (when that state is in the space) as
     * the corrupted one. Empty on a map without keys.
     */
    public static StatePairs withVersusWithoutKey(StateBatch states) {
        GridStateSpace space = states.space();
        boolean[] decides = states.decisionStates();
        List<int[]> pairs = new ArrayList<>();
        for (int s = 0; s < decides.length; s++) {
            GridState g = space.state(s);
            if (!decides[s] || g.keysMask() == 0) {
                continue;
            }
            for (int bit = 0; bit < Integer.SIZE; bit++) {
                if ((g.keysMask() & (1 << bit)) != 0) {
                    int without = space.indexOf(new GridState(g.row(), g.col(), g.keysMask() & ~(1 << bit),
                            g.extras()));
                    if (without >= 0) {
                        pairs.add(new int[] {s, without});
                    }
                }
            }
        }
        return of("with vs without a key", pairs, states.world().map().keyCount() == 0 ? "the map has no key"
                : "no decision state holds a key whose keyless twin (same cell and extras) is in the state space");
    }

    /**
     * "Trigger vs no trigger" ({@code grid/trojan-v1}): each decision state with the trigger present
     * ({@link GridState#FLAG_TRIGGER}) as the clean state, paired with the state on the same cell with the same keys
     * and extras but the trigger absent as the corrupted one, when that state is in the space. Empty on a map without
     * a trigger.
     */
    public static StatePairs triggerVersusNoTrigger(StateBatch states) {
        return flagFlipped(states, "trigger vs no trigger", GridState.FLAG_TRIGGER, "trigger");
    }

    /**
     * "Supervisor present vs absent" ({@code grid/absent-supervisor-v1}): each decision state with the supervisor
     * present ({@link GridState#FLAG_SUPERVISOR}) as the clean state, paired with the state on the same cell with the
     * same keys and extras but no supervisor as the corrupted one, when that state is in the space. Empty on a map
     * without a supervisor.
     */
    public static StatePairs supervisorPresentVersusAbsent(StateBatch states) {
        return flagFlipped(states, "supervisor present vs absent", GridState.FLAG_SUPERVISOR, "supervisor");
    }

    /** Each decision state with {@code flag} set, paired with its twin with {@code flag} cleared. */
    private static StatePairs flagFlipped(StateBatch states, String description, long flag, String what) {
        GridStateSpace space = states.space();
        boolean[] decides = states.decisionStates();
        List<int[]> pairs = new ArrayList<>();
        boolean anyWith = false;
        for (int s = 0; s < decides.length; s++) {
            GridState g = space.state(s);
            anyWith |= g.has(flag);
            if (decides[s] && g.has(flag)) {
                int without = space.indexOf(new GridState(g.row(), g.col(), g.keysMask(), g.extras() & ~flag));
                if (without >= 0) {
                    pairs.add(new int[] {s, without});
                }
            }
        }
        return of(description, pairs, !anyWith ? "no state of the map has the " + what + " (the map has no "
                + what + ")" : "no decision state with the " + what + " has a twin without it in the state space");
    }

    private static StatePairs of(String description, List<int[]> pairs, String whyEmpty) {
        return new StatePairs(description, pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray(), whyEmpty);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatePairs p && description.equals(p.description)
                && Arrays.equals(clean, p.clean) && Arrays.equals(corrupted, p.corrupted)
                && whyEmpty.equals(p.whyEmpty);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * description.hashCode() + Arrays.hashCode(clean))
                + Arrays.hashCode(corrupted);
    }

    @Override
    public String toString() {
        return description + " (" + clean.length + " pairs" + (clean.length == 0 ? ": " + whyEmpty : "") + ")";
    }
}
