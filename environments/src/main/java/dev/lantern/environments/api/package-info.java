/**
 * The environment contract every Lantern environment follows, and what is shared by all of them.
 *
 * <p>{@link dev.lantern.environments.api.Environment} is the Gymnasium-shaped single-agent interface
 * ({@code reset(seed)}, {@code step(action)}, {@code terminated} kept apart from {@code truncated});
 * {@link dev.lantern.environments.api.EnvSpec} describes one; {@link dev.lantern.environments.api.StepResult} is
 * the outcome of one step. {@link dev.lantern.environments.api.InPlaceStepping} is the optional ability to step
 * without allocating, which {@link dev.lantern.environments.api.VectorEnv} uses to step many copies at once.
 * {@link dev.lantern.environments.api.MapFormatException} carries every located problem found in a user's map.
 *
 * <p>Nothing here depends on ND4J, DL4J or JavaFX.
 */
package dev.lantern.environments.api;
