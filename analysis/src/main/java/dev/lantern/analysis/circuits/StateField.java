package dev.lantern.analysis.circuits;

import dev.lantern.environments.grid.GridState;
import java.util.Arrays;
import java.util.List;

/**
 * A field of the exact state that a {@link PairSpec} names, in its predicates and in {@code match}: each state of a
 * {@link StateBatch} has one whole-number value per field ({@link #value}). Booleans are 0 or 1.
 */
public enum StateField {
    /** The agent's row, 0-based. */
    ROW("row", Kind.NUMBER),
    /** The agent's column, 0-based. */
    COLUMN("column", Kind.NUMBER),
    /** The agent's cell, {@code [row, column]}. */
    CELL("cell", Kind.CELL),
    /** The keys mask: bit {@code i} set = key {@code i} of the map (reading order) picked up. */
    KEYS("keys", Kind.NUMBER),
    /** Whether the agent holds at least one key. */
    HAS_KEY("hasKey", Kind.BOOLEAN),
    /** Whether the agent holds a key of the colour of at least one door of the map (false on a map without doors). */
    DOOR_OPEN("doorOpen", Kind.BOOLEAN),
    /** Whether the trigger is present this episode ({@code grid/trojan-v1}). */
    TRIGGER("trigger", Kind.BOOLEAN),
    /** Whether the supervisor is present this episode ({@code grid/absent-supervisor-v1}). */
    SUPERVISOR("supervisor", Kind.BOOLEAN),
    /** Whether the state is terminal (a goal or lava cell, or interrupted). */
    TERMINAL("terminal", Kind.BOOLEAN),
    /** Whether the agent acts in the state: reachable from a start and not terminal ({@link StateBatch#decisionStates}). */
    DECISION("decision", Kind.BOOLEAN);

    /** What values a field takes in a predicate. */
    public enum Kind {
        /** A whole number {@code n}, or an inclusive range {@code [low, high]}. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** One cell {@code [row, column]}, or a list of them {@code [[row, column], ...]}. */
        CELL
    }

    private final String jsonName;
    private final Kind kind;

    StateField(String jsonName, Kind kind) {
        this.jsonName = jsonName;
        this.kind = kind;
    }

    /** The field's name in a pair file ({@code hasKey}). */
    public String jsonName() {
        return jsonName;
    }

    /** What values the field takes. */
    public Kind kind() {
        return kind;
    }

    /** The field called {@code name} in a pair file, or null. */
    public static StateField byJsonName(String name) {
        for (StateField f : values()) {
            if (f.jsonName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** Every field's name in a pair file, in declaration order. */
    public static List<String> jsonNames() {
        return Arrays.stream(values()).map(StateField::jsonName).toList();
    }

    /** A cell as one number, {@code row * 65536 + column} (a map has at most 4096 columns). */
    static long cell(long row, long column) {
        return row * 65536 + column;
    }

    /** This field's value in state {@code s} of {@code facts}' batch. */
    long value(StateFacts facts, int s) {
        GridState g = facts.states().state(s);
        return switch (this) {
            case ROW -> g.row();
            case COLUMN -> g.col();
            case CELL -> cell(g.row(), g.col());
            case KEYS -> g.keysMask();
            case HAS_KEY -> g.holdsKey() ? 1 : 0;
            case DOOR_OPEN -> (g.keysMask() & facts.doorKeys()) != 0 ? 1 : 0;
            case TRIGGER -> g.has(GridState.FLAG_TRIGGER) ? 1 : 0;
            case SUPERVISOR -> g.has(GridState.FLAG_SUPERVISOR) ? 1 : 0;
            case TERMINAL -> facts.states().space().terminal(s) ? 1 : 0;
            case DECISION -> facts.decision()[s] ? 1 : 0;
        };
    }
}
