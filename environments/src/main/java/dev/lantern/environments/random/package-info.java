/**
 * Lantern's seeded random streams, shared by environments and agents: {@link dev.lantern.environments.random.Rng}
 * (SplitMix64, its whole state one {@code long}, so checkpoints save it and a resumed run draws the same numbers) and
 * {@link dev.lantern.environments.random.Seeds}, which derives one seed per named component from the run seed and is
 * the one place that names every stream. Pure Java.
 */
package dev.lantern.environments.random;
