/**
 * Path-dependent training dynamics: how a run's outcome depends on the path training took, and how representations
 * move between checkpoints and between runs (DESIGN.md, "analysis/ packages").
 */
package dev.lantern.analysis.dynamics;
