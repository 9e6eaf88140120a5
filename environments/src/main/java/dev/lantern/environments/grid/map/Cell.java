package dev.lantern.environments.grid.map;

/**
 * A position on a grid; row 0 is the top line of the map, column 0 its first character.
 *
 * @param row 0-based row
 * @param col 0-based column
 */
public record Cell(int row, int col) {
}
