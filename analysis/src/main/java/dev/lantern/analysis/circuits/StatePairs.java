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
 * @param description what the pairs contrast (for reports)
 * @param clean       clean state numbers, {@code [pairs]}
 * @param corrupted   corrupted state numbers, {@code [pairs]}
 */
public record StatePairs(String description, int[] clean, int[] corrupted) {

    public StatePairs {
        clean = clean.clone();
        corrupted = corrupted.clone();
        if (clean.length != corrupted.length) {
            throw new IllegalArgumentException(description + ": " + clean.length + " clean states for "
                    + corrupted.length + " corrupted ones");
        }
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
        return of("moved one cell right", pairs);
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
        return of("with vs without a key", pairs);
    }

    private static StatePairs of(String description, List<int[]> pairs) {
        return new StatePairs(description, pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatePairs p && description.equals(p.description)
                && Arrays.equals(clean, p.clean) && Arrays.equals(corrupted, p.corrupted);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * description.hashCode() + Arrays.hashCode(clean))
                + Arrays.hashCode(corrupted);
    }

    @Override
    public String toString() {
        return description + " (" + clean.length + " pairs)";
    }
}
