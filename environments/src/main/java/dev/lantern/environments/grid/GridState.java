package dev.lantern.environments.grid;

/**
 * The complete state of a {@link GridWorld} episode apart from the step count: where the agent stands and which keys
 * it has picked up.
 *
 * @param row      0-based row of the agent
 * @param col      0-based column of the agent
 * @param keysMask bit {@code i} set = key {@code i} of {@link GridMap#keyCells()} has been picked up
 */
public record GridState(int row, int col, int keysMask) {

    /** Whether the agent holds at least one key (which opens every door). */
    public boolean holdsKey() {
        return keysMask != 0;
    }

    /** The agent's cell. */
    public Cell cell() {
        return new Cell(row, col);
    }
}
