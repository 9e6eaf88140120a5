package dev.lantern.environments.grid;

import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridRules;
import dev.lantern.environments.grid.map.Tile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rules of a {@link GridWorld}, precomputed once per map and shared (immutably) by every copy of the world, its
 * {@link GridSimulator} and the exact solvers ({@link GridStateSpace}), so the dynamics are written exactly once.
 *
 * <p>Cells are flat indices {@code row * width + col}. A state is (cell, keys mask, extras) with extras packed as
 * described on {@link GridState}. {@link #outcomes} is the one transition function; maps with only the original tiles
 * ({@link #simple}) also have the allocation-free deterministic shortcut {@link #next}/{@link #maskAfter}/
 * {@link #reward}, which gives the same result as {@link #outcomes} (a test checks this).
 */
final class GridDynamics {

    static final int[] ROW_DELTA = {-1, 1, 0, 0};
    static final int[] COL_DELTA = {0, 0, 1, -1};
    /** The two directions perpendicular to each action: up/down slip right/left and vice versa. */
    private static final int[][] PERPENDICULAR = {{2, 3}, {2, 3}, {0, 1}, {0, 1}};

    final GridMap map;
    final GridRules rules;
    final boolean simple;
    final int height;
    final int width;
    final int cells;
    final int planeSize;
    final int channels;
    final int observationSize;
    final int fullMask;
    final int boxCount;
    /** Tile of every cell, {@code [cells]}. */
    final Tile[] tiles;
    /** Whether each cell is a goal or lava, {@code [cells]}. */
    final boolean[] terminalCell;
    /** Key index of every cell or -1, {@code [cells]}. */
    final int[] keyIndex;
    /** Cell of every key, {@code [keyCount]}. */
    final int[] keyCell;
    /** Coin index of every cell or -1, {@code [cells]}. */
    final int[] coinIndex;
    /** Cell of every coin. */
    final int[] coinCell;
    /** Cell of every tomato; tomato {@code j} is watered while item bit {@code coinCell.length + j} is set. */
    final int[] tomatoCell;
    /** Item bit of the tomato on each cell, or -1. */
    final int[] tomatoBit;
    /** All the tomatoes' item bits. */
    final long tomatoMask;
    /** For a door cell: the keys mask of the keys of its colour; 0 elsewhere. */
    final int[] doorKeys;
    /** Reward (step cost included) of a step ending on each cell in an untriggered episode (simple rules only). */
    private final double[] enterReward;
    final double[] goalReward;
    final double[] goalTriggered;
    /** Cell reached by each action ignoring doors and boxes (walls and the grid's edge applied), {@code [cells * 4]}. */
    final int[] moveTarget;
    /** Extras at the start, before the per-episode draws (box cells). */
    final long startExtras;
    /** The per-tile rules of one move (boxes, items, goals, interruption, tomatoes). */
    private final GridMoves moves;
    /** Whether the map has watched cells, so the supervisor's presence is drawn at each reset. */
    final boolean usesSupervisor;
    /** Every non-wall cell, row by row, unmodifiable. */
    final List<Cell> freeCells;
    /** Whether the map has trigger tiles or goals whose reward changes with the trigger, so it is drawn at reset. */
    final boolean usesTrigger;

    GridDynamics(GridMap map) {
        this.map = map;
        this.rules = map.rules();
        this.simple = !map.extended();
        this.height = map.height();
        this.width = map.width();
        this.cells = height * width;
        this.planeSize = cells;
        this.channels = simple ? GridChannels.COUNT : GridChannels.EXTENDED_COUNT;
        this.observationSize = channels * planeSize;
        this.fullMask = (1 << map.keyCount()) - 1;
        this.boxCount = map.boxCells().size();
        this.tiles = new Tile[cells];
        this.terminalCell = new boolean[cells];
        this.keyIndex = new int[cells];
        this.keyCell = new int[map.keyCount()];
        this.coinIndex = new int[cells];
        this.coinCell = new int[map.coinCells().size()];
        this.tomatoCell = new int[map.tomatoCells().size()];
        this.tomatoBit = new int[cells];
        java.util.Arrays.fill(tomatoBit, -1);
        long tm = 0;
        for (int j = 0; j < tomatoCell.length; j++) {
            Cell tc = map.tomatoCells().get(j);
            tomatoCell[j] = tc.row() * width + tc.col();
            tomatoBit[tomatoCell[j]] = coinCell.length + j;
            tm |= 1L << (coinCell.length + j);
        }
        this.tomatoMask = tm;
        this.doorKeys = new int[cells];
        this.enterReward = new double[cells];
        this.goalReward = new double[cells];
        this.goalTriggered = new double[cells];
        this.moveTarget = new int[cells * 4];
        int[] colourKeys = new int[map.colours().size()];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int cell = r * width + c;
                tiles[cell] = map.tile(r, c);
                terminalCell[cell] = tiles[cell].isTerminal();
                keyIndex[cell] = map.keyIndex(r, c);
                coinIndex[cell] = map.coinIndex(r, c);
                if (keyIndex[cell] >= 0) {
                    keyCell[keyIndex[cell]] = cell;
                    colourKeys[map.colour(r, c)] |= 1 << keyIndex[cell];
                }
                if (coinIndex[cell] >= 0) {
                    coinCell[coinIndex[cell]] = cell;
                }
                goalReward[cell] = map.goalReward(r, c);
                goalTriggered[cell] = map.goalTriggeredReward(r, c);
                enterReward[cell] = switch (tiles[cell]) {
                    case GOAL -> rules.stepReward() + goalReward[cell];
                    case LAVA -> rules.stepReward() + rules.lavaReward();
                    default -> rules.stepReward();
                };
            }
        }
        for (int cell = 0; cell < cells; cell++) {
            if (tiles[cell] == Tile.DOOR) {
                doorKeys[cell] = colourKeys[map.colour(cell / width, cell % width)];
            }
            int r = cell / width;
            int c = cell % width;
            for (int a = 0; a < 4; a++) {
                int nr = r + ROW_DELTA[a];
                int nc = c + COL_DELTA[a];
                boolean blocked = nr < 0 || nr >= height || nc < 0 || nc >= width
                        || tiles[nr * width + nc] == Tile.WALL;
                moveTarget[cell * 4 + a] = blocked ? cell : nr * width + nc;
            }
        }
        long extras = 0;
        for (int b = 0; b < boxCount; b++) {
            Cell bc = map.boxCells().get(b);
            extras = GridState.withBoxCell(extras, b, bc.row() * width + bc.col());
        }
        this.startExtras = extras;
        boolean watched = false;
        boolean trigger = false;
        for (int cell = 0; cell < cells; cell++) {
            watched |= tiles[cell] == Tile.WATCHED;
            trigger |= tiles[cell] == Tile.TRIGGER
                    || (tiles[cell] == Tile.GOAL && goalReward[cell] != goalTriggered[cell]);
        }
        this.usesSupervisor = watched;
        this.usesTrigger = trigger;
        this.moves = new GridMoves(this);
        List<Cell> free = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            if (tiles[i].isFree()) {
                free.add(new Cell(i / width, i % width));
            }
        }
        this.freeCells = Collections.unmodifiableList(free);
    }

    /**
     * The extras an episode starts with, given two uniform draws in [0, 1) (the supervisor's, then the trigger's;
     * a draw is ignored when its probability is 0 or 1 or the map does not use it).
     */
    long startExtras(double supervisorDraw, double triggerDraw) {
        long ex = startExtras;
        if (usesSupervisor && supervisorDraw < rules.supervisorProbability()) {
            ex |= GridState.FLAG_SUPERVISOR;
        }
        if (usesTrigger && triggerDraw < rules.triggerProbability()) {
            ex |= GridState.FLAG_TRIGGER;
        }
        return ex;
    }

    /** Every possible start: {@code [extras, probability]} pairs (probability as raw long bits), positive only. */
    List<long[]> startDistribution() {
        List<long[]> out = new ArrayList<>();
        double ps = usesSupervisor ? rules.supervisorProbability() : 0;
        double pt = usesTrigger ? rules.triggerProbability() : 0;
        for (int s = 0; s < 2; s++) {
            for (int t = 0; t < 2; t++) {
                double p = (s == 1 ? ps : 1 - ps) * (t == 1 ? pt : 1 - pt);
                if (p > 0) {
                    long ex = startExtras | (s == 1 ? GridState.FLAG_SUPERVISOR : 0) | (t == 1 ? GridState.FLAG_TRIGGER : 0);
                    out.add(new long[] {ex, Double.doubleToRawLongBits(p)});
                }
            }
        }
        return out;
    }

    int startCell() {
        return map.start().row() * width + map.start().col();
    }

    // ------------------------------------------------------------------ the fast path of the original maps

    /** Original maps only: the cell after {@code action} from {@code cell} holding {@code mask}; itself on a bump. */
    int next(int cell, int mask, int action) {
        int target = moveTarget[cell * 4 + action];
        return tiles[target] == Tile.DOOR && (mask & doorKeys[target]) == 0 ? cell : target;
    }

    /** The keys mask after the agent's step ended on {@code cell}: the key there, if any, is picked up. */
    int maskAfter(int cell, int mask) {
        int k = keyIndex[cell];
        return k < 0 ? mask : mask | (1 << k);
    }

    /** Original maps only: the reward of a step that ends on {@code cell}. */
    double reward(int cell) {
        return enterReward[cell];
    }

    /** Whether the state (cell, extras) is terminal: on a goal or lava, or interrupted. */
    boolean terminal(int cell, long extras) {
        return tiles[cell].isTerminal() || (extras & GridState.FLAG_INTERRUPTED) != 0;
    }

    // ------------------------------------------------------------------ the general transition function

    /**
     * Fills {@code out} with every possible result of {@code action} in the non-terminal state (cell, mask, extras),
     * with its probability, reward and hidden performance.
     */
    void outcomes(int cell, int mask, long extras, int action, Outcomes out) {
        out.count = 0;
        if ((extras & GridState.FLAG_DRUNK) != 0 && rules.drunkProbability() > 0) {
            double q = rules.drunkProbability();
            for (int d = 0; d < 4; d++) {
                moves.move(cell, mask, extras, d, (d == action ? 1 - q : 0) + q / 4, out);
            }
        } else if (tiles[cell] == Tile.ICE && rules.slipProbability() > 0) {
            double p = rules.slipProbability();
            if (p < 1) {
                moves.move(cell, mask, extras, action, 1 - p, out);
            }
            moves.move(cell, mask, extras, PERPENDICULAR[action][0], p / 2, out);
            moves.move(cell, mask, extras, PERPENDICULAR[action][1], p / 2, out);
        } else {
            moves.move(cell, mask, extras, action, 1.0, out);
        }
    }

    /** The index of the box on {@code cell}, or -1. */
    int boxAt(long extras, int cell) {
        for (int b = 0; b < boxCount; b++) {
            if (GridState.boxCell(extras, b) == cell) {
                return b;
            }
        }
        return -1;
    }

    /**
     * The flat cell index of state {@code s}, checked against the map.
     *
     * @throws IllegalArgumentException if {@code s} is off the grid, on a wall or a box, has extras on an original
     *                                  map, or names keys the map lacks
     */
    int checkedCell(GridState s) {
        Objects.requireNonNull(s, "state");
        if (!map.contains(s.row(), s.col())) {
            throw new IllegalArgumentException("state " + s + " is off the " + height + "x" + width
                    + " grid");
        }
        int c = s.row() * width + s.col();
        if (!tiles[c].isFree()) {
            throw new IllegalArgumentException("state " + s + " is on a wall");
        }
        if (simple && s.extras() != 0) {
            throw new IllegalArgumentException("state " + s + " has extras, but the map uses only the original tiles");
        }
        if (boxCount > 0 && boxAt(s.extras(), c) >= 0) {
            throw new IllegalArgumentException("state " + s + " puts the agent on a box");
        }
        if ((s.keysMask() & ~fullMask) != 0) {
            throw new IllegalArgumentException("state " + s + " names keys the map lacks (it has "
                    + keyCell.length + " keys)");
        }
        return c;
    }
}
