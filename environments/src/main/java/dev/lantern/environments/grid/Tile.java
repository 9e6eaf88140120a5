package dev.lantern.environments.grid;

/**
 * What occupies one cell of a {@link GridMap}. The start {@code S} is not a tile: it is a {@link #FLOOR} cell that
 * {@link GridMap#start()} points to.
 */
public enum Tile {
    /** {@code #}: blocks movement; bumping into it leaves the agent in place. */
    WALL('#'),
    /** {@code .} (and {@code S}): free. */
    FLOOR('.'),
    /** {@code G}: entering it gives +1 and ends the episode (terminated). */
    GOAL('G'),
    /** {@code L}: entering it gives -1 and ends the episode (terminated). */
    LAVA('L'),
    /** {@code k}: a key, picked up by stepping on it; the cell then behaves as floor. */
    KEY('k'),
    /** {@code D}: a door, passable only while the agent holds at least one key; never opens or changes. */
    DOOR('D');

    private final char symbol;

    Tile(char symbol) {
        this.symbol = symbol;
    }

    /** The map character of this tile. */
    public char symbol() {
        return symbol;
    }

    /** Whether an agent can ever stand on this tile (everything but {@link #WALL}). */
    public boolean isFree() {
        return this != WALL;
    }

    /** Whether entering this tile ends the episode ({@link #GOAL} and {@link #LAVA}). */
    public boolean isTerminal() {
        return this == GOAL || this == LAVA;
    }
}
