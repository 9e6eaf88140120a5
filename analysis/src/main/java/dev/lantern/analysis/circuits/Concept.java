package dev.lantern.analysis.circuits;

import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.Tile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A concept computed from the exact state, one value per state of a {@link StateBatch} (value {@code i} is state
 * number {@code i}'s), for a {@link ConceptProbe} to look for in a network's activations (issue 10, point 5).
 *
 * <p>A {@link Kind#QUANTITY} is probed by ridge regression and scored by R^2; a {@link Kind#CLASS} has integer
 * labels, is probed by a ridge classifier and scored by balanced accuracy. A value of {@code NaN} means the concept
 * has no value in that state (a goal the state cannot reach, a tie between optimal actions): the state is left out of
 * that concept's probe. A concept that means nothing on the map (door open on a map without doors) is
 * {@link #defined() undefined} and says why; its probes are undefined too, never a score.
 *
 * <p>The built-in concepts: {@link #agentRow}, {@link #agentColumn}, {@link #hasKey}, {@link #doorOpen} and
 * {@link #triggerVisible} here; from the exact solution, {@link ExactConcepts#distanceToGoal},
 * {@link ExactConcepts#optimalAction} and {@link ExactConcepts#optimalValue}; all of them for one map:
 * {@link ExactConcepts#builtIn}.
 *
 * @param name      the concept's name, for tables ({@code agent column}, {@code has key})
 * @param kind      a quantity or a class
 * @param values    {@code [states]}; for a class, whole numbers (the labels); NaN where the concept has no value
 * @param undefined why the concept means nothing on this map, or null
 */
public record Concept(String name, Kind kind, double[] values, String undefined) {

    /** How a concept is probed and scored. */
    public enum Kind {
        /** A number: ridge regression, scored by held-out R^2. */
        QUANTITY,
        /** A label: ridge on one-hot targets, argmax, scored by held-out balanced accuracy. */
        CLASS
    }

    public Concept {
        values = values.clone();
        if (kind == Kind.CLASS) {
            for (double v : values) {
                if (!Double.isNaN(v) && v != Math.rint(v)) {
                    throw new IllegalArgumentException(name + ": class label " + v + " is not a whole number");
                }
            }
        }
        for (double v : values) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + ": value " + v + " is infinite (NaN leaves a state out)");
            }
        }
    }

    /** A concept defined on the map. */
    public Concept(String name, Kind kind, double[] values) {
        this(name, kind, values, null);
    }

    /** A concept that means nothing on {@code states}' map, for the reason given (every value NaN). */
    public static Concept undefinedOn(StateBatch states, String name, Kind kind, String why) {
        double[] v = new double[states.size()];
        Arrays.fill(v, Double.NaN);
        return new Concept(name, kind, v, why);
    }

    /** The agent's row in every state, a quantity. */
    public static Concept agentRow(StateBatch states) {
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) {
            v[s] = states.state(s).row();
        }
        return new Concept("agent row", Kind.QUANTITY, v);
    }

    /** The agent's column in every state, a quantity. */
    public static Concept agentColumn(StateBatch states) {
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) {
            v[s] = states.state(s).col();
        }
        return new Concept("agent column", Kind.QUANTITY, v);
    }

    /** Whether the agent holds a key (1) or not (0), a class; undefined on a map without keys. */
    public static Concept hasKey(StateBatch states) {
        if (states.space().map().keyCount() == 0) {
            return undefinedOn(states, "has key", Kind.CLASS, "no keys on this map");
        }
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) {
            v[s] = states.state(s).holdsKey() ? 1 : 0;
        }
        return new Concept("has key", Kind.CLASS, v);
    }

    /**
     * How many of the map's doors are open, a class (0 or 1 on a map with one door); undefined on a map without doors.
     * A door of a colour is open exactly while the agent holds a key of that colour (doors have no state of their own,
     * see {@link GridObservation}): on key-door this is has key, on coloured-keys 0, 1 or 2.
     */
    public static Concept doorOpen(StateBatch states) {
        GridMap map = states.space().map();
        List<Integer> doorColours = new ArrayList<>();
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                if (map.tile(r, c) == Tile.DOOR) {
                    doorColours.add(map.colour(r, c));
                }
            }
        }
        if (doorColours.isEmpty()) {
            return undefinedOn(states, "door open", Kind.CLASS, "no doors on this map");
        }
        List<Cell> keys = map.keyCells();
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) {
            int mask = states.state(s).keysMask();
            int open = 0;
            for (int colour : doorColours) {
                for (int k = 0; k < keys.size(); k++) {
                    if ((mask & (1 << k)) != 0 && map.colour(keys.get(k).row(), keys.get(k).col()) == colour) {
                        open++;
                        break;
                    }
                }
            }
            v[s] = open;
        }
        return new Concept("door open", Kind.CLASS, v);
    }

    /**
     * Whether a trigger tile is in the agent's observation (1) or not (0), a class; undefined on a map without trigger
     * tiles. The tiles are there only in episodes where the trigger was drawn ({@link GridState#FLAG_TRIGGER}); a
     * one-hot or symbolic observation then shows it in every state, an egocentric one only while a trigger tile is
     * within the window ({@code viewSize} square centred on the agent).
     */
    public static Concept triggerVisible(StateBatch states) {
        GridMap map = states.space().map();
        List<Cell> triggers = new ArrayList<>();
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                if (map.tile(r, c) == Tile.TRIGGER) {
                    triggers.add(new Cell(r, c));
                }
            }
        }
        if (triggers.isEmpty()) {
            return undefinedOn(states, "trigger visible", Kind.CLASS, "no trigger tiles on this map");
        }
        GridObservation obs = states.world().observation();
        int half = obs.viewSize() / 2;
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) {
            GridState st = states.state(s);
            boolean seen = false;
            if (st.has(GridState.FLAG_TRIGGER)) {
                seen = obs.kind() != GridObservation.Kind.EGOCENTRIC;
                for (Cell t : triggers) {
                    seen |= Math.abs(t.row() - st.row()) <= half && Math.abs(t.col() - st.col()) <= half;
                }
            }
            v[s] = seen ? 1 : 0;
        }
        return new Concept("trigger visible", Kind.CLASS, v);
    }

    /** Whether the concept means something on its map. */
    public boolean defined() {
        return undefined == null;
    }

    /** The values (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Value of state {@code s} (NaN where the concept has none). */
    public double value(int s) {
        return values[s];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Concept c && name.equals(c.name) && kind == c.kind && Arrays.equals(values, c.values)
                && java.util.Objects.equals(undefined, c.undefined);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + kind.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Concept[" + name + ", " + kind + ", " + values.length + " states"
                + (undefined == null ? "" : ", undefined: " + undefined) + "]";
    }
}
