/**
 * Procedural level families for training-time generalisation: {@link dev.lantern.environments.grid.levels.MazeLevels}
 * defines a family (maze size, training split size, the named seed streams of its two splits) and
 * {@link dev.lantern.environments.grid.levels.ProceduralGridWorld} plays a fresh training level at each reset. Levels
 * are pure functions of (split, index); documented in {@code docs/procedural.md}.
 */
package dev.lantern.environments.grid.levels;
