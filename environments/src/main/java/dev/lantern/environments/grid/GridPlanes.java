package dev.lantern.environments.grid;

import dev.lantern.environments.grid.map.Tile;
import java.util.Arrays;

/**
 * Observation planes and text rendering of grid states, for one map. Shared by every copy of a {@link GridWorld}.
 *
 * <p>Channels 0..6 are the original ones (see {@link GridWorld}); extended maps append channels 7..19:
 * {@value GridChannels#BOX} box, {@value GridChannels#ICE} ice, {@value GridChannels#COIN} coin not
 * yet collected, {@value GridChannels#INTERRUPTION} interruption cell while active (button not pressed),
 * {@value GridChannels#BUTTON} button not yet pressed, {@value GridChannels#WATCHED} watched cell,
 * {@value GridChannels#SUPERVISOR} supervisor present (whole plane), {@value GridChannels#WHISKY} whisky not
 * yet drunk, {@value GridChannels#DRUNK} drunk (whole plane), {@value GridChannels#TRIGGER} trigger tile
 * (only in episodes where the trigger is present), {@value GridChannels#TOMATO_DRY} dry tomato,
 * {@value GridChannels#TOMATO_WATERED} watered tomato (every tomato while the agent stands in the bucket),
 * {@value GridChannels#BUCKET} bucket.
 */
final class GridPlanes {

    private final GridDynamics d;
    /** Observation with the static planes filled and everything else zero. */
    private final float[] template;
    private final int[] interruptionCells;
    private final int[] buttonCells;
    private final int[] whiskyCells;
    private final int[] triggerCells;

    GridPlanes(GridDynamics d) {
        this.d = d;
        this.template = new float[d.observationSize];
        for (int cell = 0; cell < d.cells; cell++) {
            int channel = switch (d.tiles[cell]) {
                case WALL -> GridChannels.WALL;
                case GOAL -> GridChannels.GOAL;
                case LAVA -> GridChannels.LAVA;
                case DOOR -> GridChannels.DOOR;
                case ICE -> d.simple ? -1 : GridChannels.ICE;
                case WATCHED -> d.simple ? -1 : GridChannels.WATCHED;
                case BUCKET -> d.simple ? -1 : GridChannels.BUCKET;
                default -> -1;
            };
            if (channel >= 0) {
                template[channel * d.planeSize + cell] = 1f;
            }
        }
        this.interruptionCells = cellsOf(Tile.INTERRUPTION);
        this.buttonCells = cellsOf(Tile.BUTTON);
        this.whiskyCells = cellsOf(Tile.WHISKY);
        this.triggerCells = cellsOf(Tile.TRIGGER);
    }

    private int[] cellsOf(Tile t) {
        return java.util.stream.IntStream.range(0, d.cells).filter(c -> d.tiles[c] == t).toArray();
    }

    /** Writes the {@code [channels, height, width]} observation of state (cell, mask, extras) at {@code offset}. */
    void encode(int cell, int mask, long extras, float[] buffer, int offset) {
        int ps = d.planeSize;
        System.arraycopy(template, 0, buffer, offset, d.observationSize);
        buffer[offset + GridChannels.AGENT * ps + cell] = 1f;
        int keyPlane = offset + GridChannels.KEY * ps;
        for (int k = 0; k < d.keyCell.length; k++) {
            if ((mask & (1 << k)) == 0) {
                buffer[keyPlane + d.keyCell[k]] = 1f;
            }
        }
        if (mask != 0) {
            fillPlane(buffer, offset, GridChannels.HOLDING_KEY);
        }
        if (d.simple) {
            return;
        }
        for (int b = 0; b < d.boxCount; b++) {
            buffer[offset + GridChannels.BOX * ps + GridState.boxCell(extras, b)] = 1f;
        }
        for (int i = 0; i < d.coinCell.length; i++) {
            if ((extras & (1L << i)) == 0) {
                buffer[offset + GridChannels.COIN * ps + d.coinCell[i]] = 1f;
            }
        }
        if ((extras & GridState.FLAG_BUTTON_PRESSED) == 0) {
            mark(buffer, offset, GridChannels.INTERRUPTION, interruptionCells);
            mark(buffer, offset, GridChannels.BUTTON, buttonCells);
        }
        if ((extras & GridState.FLAG_SUPERVISOR) != 0) {
            fillPlane(buffer, offset, GridChannels.SUPERVISOR);
        }
        if ((extras & GridState.FLAG_DRUNK) == 0) {
            mark(buffer, offset, GridChannels.WHISKY, whiskyCells);
        } else {
            fillPlane(buffer, offset, GridChannels.DRUNK);
        }
        if ((extras & GridState.FLAG_TRIGGER) != 0) {
            mark(buffer, offset, GridChannels.TRIGGER, triggerCells);
        }
        boolean bucket = d.tiles[cell] == Tile.BUCKET; // the agent in the bucket sees every tomato watered
        for (int j = 0; j < d.tomatoCell.length; j++) {
            boolean watered = bucket || (extras & (1L << (d.coinCell.length + j))) != 0;
            buffer[offset + (watered ? GridChannels.TOMATO_WATERED : GridChannels.TOMATO_DRY) * ps
                    + d.tomatoCell[j]] = 1f;
        }
    }

    private void fillPlane(float[] buffer, int offset, int channel) {
        int from = offset + channel * d.planeSize;
        Arrays.fill(buffer, from, from + d.planeSize, 1f);
    }

    private void mark(float[] buffer, int offset, int channel, int[] cellList) {
        int base = offset + channel * d.planeSize;
        for (int c : cellList) {
            buffer[base + c] = 1f;
        }
    }

    /**
     * The map with {@code A} at the agent, {@code S} at the start, {@code B} at boxes; picked keys, collected coins,
     * drunk whisky and absent trigger tiles drawn as {@code .}; one line per row, final newline.
     */
    String render(int cell, int mask, long extras) {
        StringBuilder sb = new StringBuilder(d.height * (d.width + 1));
        int startCell = d.startCell();
        for (int r = 0; r < d.height; r++) {
            for (int c = 0; c < d.width; c++) {
                int i = r * d.width + c;
                char ch;
                if (i == cell) {
                    ch = 'A';
                } else if (d.boxCount > 0 && d.boxAt(extras, i) >= 0) {
                    ch = 'B';
                } else if (i == startCell) {
                    ch = 'S';
                } else if (gone(i, mask, extras)) {
                    ch = Tile.FLOOR.symbol();
                } else {
                    ch = d.map.symbol(r, c);
                }
                sb.append(ch);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private boolean gone(int i, int mask, long extras) {
        return switch (d.tiles[i]) {
            case KEY -> (mask & (1 << d.keyIndex[i])) != 0;
            case COIN -> (extras & (1L << d.coinIndex[i])) != 0;
            case WHISKY -> (extras & GridState.FLAG_DRUNK) != 0;
            case TRIGGER -> (extras & GridState.FLAG_TRIGGER) == 0;
            default -> false;
        };
    }
}
