package dev.lantern.environments.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable, validated grid map: a rectangle of {@link Tile}s with one start, at least one goal reachable from
 * it, and at most {@value #MAX_KEYS} keys. Built by {@link GridMapParser}; the format is in {@code docs/maps.md}.
 *
 * <p>Coordinates are 0-based {@code (row, col)}, row 0 at the top. Keys are numbered in reading order (row by row,
 * left to right); key {@code i} is bit {@code i} of {@link GridState#keysMask()}.
 */
public final class GridMap {

    /** The most keys a map may hold (each is one bit of {@link GridState#keysMask()} in the solver's state space). */
    public static final int MAX_KEYS = 16;

    private final String sourceName;
    private final int height;
    private final int width;
    private final Tile[] tiles;
    private final int[] keyIndex;
    private final Cell start;
    private final List<Cell> keyCells;
    private final String text;

    GridMap(String sourceName, int height, int width, Tile[] tiles, Cell start, String text) {
        this.sourceName = sourceName;
        this.height = height;
        this.width = width;
        this.tiles = tiles.clone();
        this.start = start;
        this.text = text;
        this.keyIndex = new int[tiles.length];
        List<Cell> keys = new ArrayList<>();
        for (int i = 0; i < tiles.length; i++) {
            if (tiles[i] == Tile.KEY) {
                keyIndex[i] = keys.size();
                keys.add(new Cell(i / width, i % width));
            } else {
                keyIndex[i] = -1;
            }
        }
        this.keyCells = Collections.unmodifiableList(keys);
    }

    /** Where the map came from: a file path, a resource name, or the name given to {@link GridMapParser#parse}. */
    public String sourceName() {
        return sourceName;
    }

    /** Number of rows. */
    public int height() {
        return height;
    }

    /** Number of columns. */
    public int width() {
        return width;
    }

    /** Whether {@code (row, col)} lies on the grid. */
    public boolean contains(int row, int col) {
        return row >= 0 && row < height && col >= 0 && col < width;
    }

    /**
     * The tile at {@code (row, col)}; the start cell is {@link Tile#FLOOR}, keys are {@link Tile#KEY} (the map does
     * not change when a key is picked up; the {@link GridWorld} tracks that).
     *
     * @throws IndexOutOfBoundsException if the cell is off the grid
     */
    public Tile tile(int row, int col) {
        checkInside(row, col);
        return tiles[row * width + col];
    }

    /** The tile at {@code cell}; see {@link #tile(int, int)}. */
    public Tile tile(Cell cell) {
        return tile(cell.row(), cell.col());
    }

    /** The start cell (the {@code S} of the map). */
    public Cell start() {
        return start;
    }

    /** The key cells; index {@code i} is key {@code i}, bit {@code i} of a keys mask. Unmodifiable. */
    public List<Cell> keyCells() {
        return keyCells;
    }

    /** Number of keys, at most {@value #MAX_KEYS}. */
    public int keyCount() {
        return keyCells.size();
    }

    /**
     * The index of the key at {@code (row, col)}, or -1 if that cell holds no key.
     *
     * @throws IndexOutOfBoundsException if the cell is off the grid
     */
    public int keyIndex(int row, int col) {
        checkInside(row, col);
        return keyIndex[row * width + col];
    }

    /** The map's rows as written (with {@code S}, without comment lines), each ending in {@code \n}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "GridMap[" + sourceName + ", " + height + "x" + width + ", keys=" + keyCells.size() + "]";
    }

    private void checkInside(int row, int col) {
        if (!contains(row, col)) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + col + ") is off the " + height + "x" + width
                    + " grid of " + sourceName);
        }
    }
}
