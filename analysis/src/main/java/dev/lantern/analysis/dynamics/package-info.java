/**
 * Training dynamics: how a run's outcome depends on the path training took (forks, comparisons of runs and
 * checkpoints, mode connectivity, representation similarity, phase changes), computed on snapshots and plain data.
 */
package dev.lantern.analysis.dynamics;
