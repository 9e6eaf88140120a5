package dev.lantern.environments.grid.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable, validated grid map: a rectangle of {@link Tile}s with one start, at least one goal reachable from
 * it, and at most {@value #MAX_KEYS} keys. Built by {@link GridMapParser}; the format is in {@code docs/maps.md}.
 *
 * <p>Coordinates are 0-based {@code (row, col)}, row 0 at the top. Keys are numbered in reading order (row by row,
 * left to right); key {@code i} is bit {@code i} of {@code GridState.keysMask()}.
 */
public final class GridMap {

    /** The most keys a map may hold (each is one bit of {@code GridState.keysMask()} in the solver's state space). */
    public static final int MAX_KEYS = 16;
    /** The most coins a map may hold (each is one bit of {@code GridState.coinsMask()}). */
    public static final int MAX_COINS = 16;
    /** The most tomatoes a map may hold (their watered bits follow the coins' in {@code GridState.coinsMask()}). */
    public static final int MAX_TOMATOES = 7;
    /** The most boxes a map may hold (their cells are packed into {@code GridState.extras()}). */
    public static final int MAX_BOXES = 4;
    /** The most cells a map with boxes may have (a box cell is packed into 10 bits). */
    public static final int MAX_BOX_MAP_CELLS = 1024;
    /** The most key/door colours a map may use. */
    public static final int MAX_COLOURS = 8;
    /** The most columns (characters of a row) a map may have. */
    public static final int MAX_COLUMNS = 4096;
    /** The most rows a map may have. */
    public static final int MAX_ROWS = 4096;
    /**
     * The most cells (rows x columns) a map may have: a 1000 x 1000 map, as many as the solvers' state space holds
     * ({@code GridStateSpace.MAX_STATES}) when the map has no keys.
     */
    public static final int MAX_CELLS = 1_000_000;
    /** The time limit in steps of a map without a {@code @time-limit} header. */
    public static final int DEFAULT_TIME_LIMIT = 200;
    /** The colour of {@code k} and {@code D}. */
    public static final String DEFAULT_COLOUR = "yellow";

    private final String sourceName;
    private final int height;
    private final int width;
    private final Tile[] tiles;
    private final int[] keyIndex;
    private final Cell start;
    private final List<Cell> keyCells;
    private final String text;
    private final char[] symbols;
    private final int[] colour;
    private final List<String> colours;
    private final double[] goalReward;
    private final double[] goalTriggeredReward;
    private final List<Cell> boxCells;
    private final int[] coinIndex;
    private final List<Cell> coinCells;
    private final List<Cell> tomatoCells;
    private final String name;
    private final int timeLimit;
    private final GridRules rules;
    private final boolean extended;

    GridMap(String sourceName, int height, int width, Tile[] tiles, Cell start, String text) {
        this(sourceName, height, width, tiles, start, text, null, null, List.of(GridMap.DEFAULT_COLOUR), null, null,
                List.of(), null, DEFAULT_TIME_LIMIT, GridRules.defaults(), false);
    }

    /**
     * The full constructor; {@code null} arrays mean "derived from the tiles": symbols from {@link Tile#symbol()},
     * every key and door colour 0, every goal paying {@code rules.goalReward()} whether triggered or not.
     */
    GridMap(String sourceName, int height, int width, Tile[] tiles, Cell start, String text, char[] symbols,
            int[] colour, List<String> colours, double[] goalReward, double[] goalTriggeredReward,
            List<Cell> boxCells, String name, int timeLimit, GridRules rules, boolean extended) {
        int n = height * width;
        this.sourceName = sourceName;
        this.symbols = new char[n];
        this.colour = new int[n];
        this.goalReward = new double[n];
        this.goalTriggeredReward = new double[n];
        this.coinIndex = new int[n];
        List<Cell> coins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Tile t = tiles[i];
            this.symbols[i] = symbols != null ? symbols[i] : t.symbol();
            boolean coloured = t == Tile.KEY || t == Tile.DOOR;
            this.colour[i] = !coloured ? -1 : colour != null ? colour[i] : 0;
            boolean goal = t == Tile.GOAL;
            this.goalReward[i] = !goal ? Double.NaN : goalReward != null ? goalReward[i] : rules.goalReward();
            this.goalTriggeredReward[i] = !goal ? Double.NaN
                    : goalTriggeredReward != null ? goalTriggeredReward[i] : this.goalReward[i];
            if (t == Tile.COIN) {
                coinIndex[i] = coins.size();
                coins.add(new Cell(i / width, i % width));
            } else {
                coinIndex[i] = -1;
            }
        }
        this.colours = List.copyOf(colours);
        this.coinCells = Collections.unmodifiableList(coins);
        List<Cell> tomatoList = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (tiles[i] == Tile.TOMATO) {
                tomatoList.add(new Cell(i / width, i % width));
            }
        }
        this.tomatoCells = Collections.unmodifiableList(tomatoList);
        this.boxCells = List.copyOf(boxCells);
        this.name = name;
        this.timeLimit = timeLimit;
        this.rules = rules;
        this.extended = extended;
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
     * not change when a key is picked up; the world tracks that).
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

    /** The map's name: its {@code @name} header, or the source name when it has none. */
    public String name() {
        return name == null ? sourceName : name;
    }

    /** The time limit of the map's {@code @time-limit} header, or {@value #DEFAULT_TIME_LIMIT}. */
    public int timeLimit() {
        return timeLimit;
    }

    /** The rewards, hidden performances and probabilities of this map (defaults overridden by its header). */
    public GridRules rules() {
        return rules;
    }

    /**
     * Whether the map uses any mechanic beyond the original seven tiles (coloured keys, boxes, ice, coins, goals with
     * their own reward, interruption, button, watched cells, whisky, trigger). Such maps observe
     * 20 channels instead of 7 (see {@code GridChannels}).
     */
    public boolean extended() {
        return extended;
    }

    /** The character that draws the cell when nothing is on it: the map's own character, {@code .} for start or box. */
    public char symbol(int row, int col) {
        checkInside(row, col);
        return symbols[row * width + col];
    }

    /** The key and door colours, index = colour id; colour 0 is {@code k}/{@code D}'s {@value #DEFAULT_COLOUR}. */
    public List<String> colours() {
        return colours;
    }

    /** The colour id of the key or door at {@code (row, col)}, or -1 if the cell holds neither. */
    public int colour(int row, int col) {
        checkInside(row, col);
        return colour[row * width + col];
    }

    /** The reward added for entering the goal at {@code (row, col)} (NaN if it is not a goal). */
    public double goalReward(int row, int col) {
        checkInside(row, col);
        return goalReward[row * width + col];
    }

    /** The reward of that goal in an episode where the trigger is present (NaN if it is not a goal). */
    public double goalTriggeredReward(int row, int col) {
        checkInside(row, col);
        return goalTriggeredReward[row * width + col];
    }

    /** Where the boxes stand at the start, in reading order; box {@code i} is tracked as box {@code i}. */
    public List<Cell> boxCells() {
        return boxCells;
    }

    /** The coin cells, in reading order; coin {@code i} is bit {@code i} of {@code GridState.coinsMask()}. */
    public List<Cell> coinCells() {
        return coinCells;
    }

    /**
     * The tomato cells, in reading order; tomato {@code i} is watered while bit {@code coinCount + i} of
     * {@code GridState.coinsMask()} is set.
     */
    public List<Cell> tomatoCells() {
        return tomatoCells;
    }

    /** The index of the coin at {@code (row, col)}, or -1. */
    public int coinIndex(int row, int col) {
        checkInside(row, col);
        return coinIndex[row * width + col];
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
