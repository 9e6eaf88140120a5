package dev.lantern.environments.grid;

import java.util.Arrays;

/**
 * The rules of a {@link GridWorld}, precomputed once per map and shared (immutably) by every copy of the world and
 * by {@link ValueIteration}, so the dynamics are written exactly once.
 *
 * <p>Cells are flat indices {@code row * width + col}. A state is (cell, keys mask).
 */
final class GridDynamics {

    private static final int[] ROW_DELTA = {-1, 1, 0, 0};
    private static final int[] COL_DELTA = {0, 0, 1, -1};

    final GridMap map;
    final int height;
    final int width;
    final int cells;
    final int planeSize;
    final int observationSize;
    final int fullMask;
    /** Tile of every cell, {@code [cells]}. */
    final Tile[] tiles;
    /** Key index of every cell or -1, {@code [cells]}. */
    final int[] keyIndex;
    /** Cell of every key, {@code [keyCount]}. */
    final int[] keyCell;
    /** Cell reached by each action ignoring doors (walls and the grid's edge already applied), {@code [cells * 4]}. */
    private final int[] moveTarget;
    /** Observation with the static planes (wall, goal, lava, door) filled and everything else zero. */
    private final float[] template;

    GridDynamics(GridMap map) {
        this.map = map;
        this.height = map.height();
        this.width = map.width();
        this.cells = height * width;
        this.planeSize = cells;
        this.observationSize = GridWorld.CHANNEL_COUNT * planeSize;
        this.fullMask = (1 << map.keyCount()) - 1;
        this.tiles = new Tile[cells];
        this.keyIndex = new int[cells];
        this.keyCell = new int[map.keyCount()];
        this.moveTarget = new int[cells * 4];
        this.template = new float[observationSize];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int cell = r * width + c;
                Tile t = map.tile(r, c);
                tiles[cell] = t;
                keyIndex[cell] = map.keyIndex(r, c);
                if (keyIndex[cell] >= 0) {
                    keyCell[keyIndex[cell]] = cell;
                }
                int channel = switch (t) {
                    case WALL -> GridWorld.CHANNEL_WALL;
                    case GOAL -> GridWorld.CHANNEL_GOAL;
                    case LAVA -> GridWorld.CHANNEL_LAVA;
                    case DOOR -> GridWorld.CHANNEL_DOOR;
                    default -> -1;
                };
                if (channel >= 0) {
                    template[channel * planeSize + cell] = 1f;
                }
            }
        }
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int cell = r * width + c;
                for (int a = 0; a < 4; a++) {
                    int nr = r + ROW_DELTA[a];
                    int nc = c + COL_DELTA[a];
                    boolean blocked = nr < 0 || nr >= height || nc < 0 || nc >= width
                            || tiles[nr * width + nc] == Tile.WALL;
                    moveTarget[cell * 4 + a] = blocked ? cell : nr * width + nc;
                }
            }
        }
    }

    /** The cell the agent occupies after {@code action} from {@code cell} holding {@code mask}; itself on a bump. */
    int next(int cell, int mask, int action) {
        int target = moveTarget[cell * 4 + action];
        return tiles[target] == Tile.DOOR && mask == 0 ? cell : target;
    }

    /** The keys mask after the agent's step ended on {@code cell}: the key there, if any, is picked up. */
    int maskAfter(int cell, int mask) {
        int k = keyIndex[cell];
        return k < 0 ? mask : mask | (1 << k);
    }

    /** The reward of a step that ends on {@code cell}: the step cost, plus the goal or lava reward. */
    double reward(int cell) {
        return switch (tiles[cell]) {
            case GOAL -> GridWorld.STEP_REWARD + GridWorld.GOAL_REWARD;
            case LAVA -> GridWorld.STEP_REWARD + GridWorld.LAVA_REWARD;
            default -> GridWorld.STEP_REWARD;
        };
    }

    /** Whether a step ending on {@code cell} ends the episode. */
    boolean terminal(int cell) {
        return tiles[cell].isTerminal();
    }

    /** Writes the {@code [7, height, width]} observation of state (cell, mask) at {@code offset}. */
    void encode(int cell, int mask, float[] buffer, int offset) {
        System.arraycopy(template, 0, buffer, offset, observationSize);
        buffer[offset + GridWorld.CHANNEL_AGENT * planeSize + cell] = 1f;
        int keyPlane = offset + GridWorld.CHANNEL_KEY * planeSize;
        for (int k = 0; k < keyCell.length; k++) {
            if ((mask & (1 << k)) == 0) {
                buffer[keyPlane + keyCell[k]] = 1f;
            }
        }
        if (mask != 0) {
            int holding = offset + GridWorld.CHANNEL_HOLDING_KEY * planeSize;
            Arrays.fill(buffer, holding, holding + planeSize, 1f);
        }
    }

    /** The map with {@code A} at the agent and picked keys drawn as floor, one line per row, final newline. */
    String render(int cell, int mask) {
        StringBuilder sb = new StringBuilder(height * (width + 1));
        int startCell = map.start().row() * width + map.start().col();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                char ch;
                if (i == cell) {
                    ch = 'A';
                } else if (i == startCell) {
                    ch = 'S';
                } else if (keyIndex[i] >= 0 && (mask & (1 << keyIndex[i])) != 0) {
                    ch = Tile.FLOOR.symbol();
                } else {
                    ch = tiles[i].symbol();
                }
                sb.append(ch);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
