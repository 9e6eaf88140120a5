/**
 * Seed sweeps: a grid of configurations x seeds in one sweep directory ({@code SWEEP/sweep.json} and one run
 * directory per run, docs/sweeps.md), and its aggregate ({@link dev.lantern.app.sweep.SweepAggregate}):
 * {@code SWEEP/aggregate.json} and {@code SWEEP/figures/*.png} with rliable's statistics from
 * {@code dev.lantern.analysis.stats}.
 */
package dev.lantern.app.sweep;
