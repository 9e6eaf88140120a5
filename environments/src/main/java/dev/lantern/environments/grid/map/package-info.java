/**
 * The grid map text format: tiles, headers and the parser, independent of the world that is played on a map.
 *
 * <p>{@link dev.lantern.environments.grid.map.GridMapParser} turns a text map into an immutable, validated
 * {@link dev.lantern.environments.grid.map.GridMap} (reporting every problem at once, with its line and column);
 * {@link dev.lantern.environments.grid.map.Tile} names the tiles, {@link dev.lantern.environments.grid.map.Cell} a
 * position, {@link dev.lantern.environments.grid.map.GridRules} the rewards, hidden performances and probabilities a
 * header may set (with the original defaults), and {@link dev.lantern.environments.grid.map.MazeGenerator} makes
 * seeded mazes as map text. The format is documented in {@code docs/maps.md}. Nothing here depends on the world
 * ({@code environments.grid}) or the solvers ({@code environments.grid.solve}).
 */
package dev.lantern.environments.grid.map;
