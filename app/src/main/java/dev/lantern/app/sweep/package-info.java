/**
 * {@code lantern sweep}: a grid of experiment settings times seeds, trained as child processes into one sweep
 * directory ({@code sweep.json}, one resolved {@code config.json} per setting, one run directory and log per run),
 * resumed run by run after a kill (docs/sweeps.md), and its aggregate ({@link dev.lantern.app.sweep.SweepAggregate}):
 * {@code SWEEP/aggregate.json} and {@code SWEEP/figures/*.png} with rliable's statistics from
 * {@code dev.lantern.analysis.stats}.
 */
package dev.lantern.app.sweep;
