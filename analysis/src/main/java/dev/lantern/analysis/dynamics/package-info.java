/**
 * Training dynamics (issue 11): how a run's outcome and internals depend on the path training took. Measures over
 * checkpoints of one run and across runs (seeds, forks) on a common evaluation set (every state of a grid world):
 * representation similarity ({@link dev.lantern.analysis.dynamics.Cka}, linear and debiased CKA, site x site), and
 * the comparisons and mode connectivity of the other parts of the issue. Everything here reads snapshots and
 * recorded activations and returns plain data; the app draws it.
 */
package dev.lantern.analysis.dynamics;
