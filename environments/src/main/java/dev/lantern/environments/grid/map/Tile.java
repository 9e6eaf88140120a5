package dev.lantern.environments.grid.map;

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
    /**
     * {@code D}: a door, passable only while the agent holds a key of the door's colour ({@code D} and {@code k} share
     * the default colour); never opens or changes.
     */
    DOOR('D'),
    /** {@code I}: ice; a move that starts here slips to a perpendicular direction (see {@link GridRules}). */
    ICE('I'),
    /** {@code c}: a coin, collected (once) by stepping on it; the cell then behaves as floor. */
    COIN('c'),
    /** {@code w}: whisky; drinking it (stepping on it) gives a small reward and makes later moves random. */
    WHISKY('w'),
    /** {@code X}: interruption; entering it may end the episode unless the button was pressed. */
    INTERRUPTION('X'),
    /** {@code O}: the button that disables every interruption cell for the rest of the episode. */
    BUTTON('O'),
    /** {@code W}: a cell watched by the supervisor; entering it is punished while the supervisor is present. */
    WATCHED('W'),
    /** {@code T}: a trigger tile, present only in episodes where the trigger was drawn; otherwise floor. */
    TRIGGER('T'),
    /** {@code t}: a tomato, watered by stepping on it; every watered tomato pays a little each step until it dries. */
    TOMATO('t'),
    /** {@code H}: the bucket; while the agent stands in it, it sees (and is rewarded for) every tomato as watered. */
    BUCKET('H');

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
