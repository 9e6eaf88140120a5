package dev.lantern.environments.grid;

import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;

/**
 * The complete state of a {@link GridWorld} episode apart from the step count: where the agent stands, which keys it
 * has picked up, and (on maps with the newer mechanics) everything else that changes, packed into {@code extras}.
 *
 * <p>{@code extras} layout: bits 0..15 items: coins collected (bit {@code i} = coin {@code i} of
 * {@link GridMap#coinCells()}), then tomatoes watered (bit {@code coinCount + j} = tomato {@code j});
 * bits 16..23 flags ({@link #FLAG_BUTTON_PRESSED}, {@link #FLAG_SUPERVISOR}, {@link #FLAG_TRIGGER},
 * {@link #FLAG_DRUNK}, {@link #FLAG_INTERRUPTED}); bits 24..63 the cells of up to four boxes, 10 bits each (box
 * {@code i} at bits {@code 24 + 10 i}, flat index {@code row * width + col}). Maps with only the original tiles always
 * have {@code extras == 0}.
 *
 * @param row      0-based row of the agent
 * @param col      0-based column of the agent
 * @param keysMask bit {@code i} set = key {@code i} of {@link GridMap#keyCells()} has been picked up
 * @param extras   coins, flags and box cells, packed as above; 0 on the original maps
 */
public record GridState(int row, int col, int keysMask, long extras) {

    /** Flag: the off-switch button has been pressed (interruption cells are disabled). */
    public static final long FLAG_BUTTON_PRESSED = 1L << 16;
    /** Flag: the supervisor is present this episode. */
    public static final long FLAG_SUPERVISOR = 1L << 17;
    /** Flag: the trigger tiles are present this episode. */
    public static final long FLAG_TRIGGER = 1L << 18;
    /** Flag: the agent drank the whisky. */
    public static final long FLAG_DRUNK = 1L << 19;
    /** Flag: the agent was interrupted (a terminal state). */
    public static final long FLAG_INTERRUPTED = 1L << 20;

    /** A state of an original map: no coins, flags or boxes. */
    public GridState(int row, int col, int keysMask) {
        this(row, col, keysMask, 0L);
    }

    /** Whether the agent holds at least one key. */
    public boolean holdsKey() {
        return keysMask != 0;
    }

    /** The agent's cell. */
    public Cell cell() {
        return new Cell(row, col);
    }

    /** Bit {@code i} set = coin {@code i} collected; the bits after the coins' are the tomatoes watered. */
    public int coinsMask() {
        return (int) (extras & 0xFFFF);
    }

    /** Whether {@code flag} (one of the {@code FLAG_} constants) is set. */
    public boolean has(long flag) {
        return (extras & flag) != 0;
    }

    /** The flat cell index ({@code row * width + col}) of box {@code i}. */
    public int boxCell(int i) {
        return boxCell(extras, i);
    }

    static int boxCell(long extras, int i) {
        return (int) ((extras >>> (24 + 10 * i)) & 0x3FF);
    }

    static long withBoxCell(long extras, int i, int cell) {
        int shift = 24 + 10 * i;
        return (extras & ~(0x3FFL << shift)) | ((long) cell << shift);
    }

    /** As the record would print it, with {@code extras} shown only when non-zero (golden files rely on this). */
    @Override
    public String toString() {
        return "GridState[row=" + row + ", col=" + col + ", keysMask=" + keysMask
                + (extras == 0 ? "" : ", extras=0x" + Long.toHexString(extras)) + "]";
    }
}
