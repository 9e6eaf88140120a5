/**
 * Path-dependent training dynamics: how a run's outcome depends on the path training took, and how representations
 * move between checkpoints and between runs (DESIGN.md, "analysis/ packages"): representation similarity is
 * {@link dev.lantern.analysis.dynamics.Cka} (linear and debiased CKA) and {@link dev.lantern.analysis.dynamics.CkaMatrix}
 * (site x site, over checkpoints and across runs, {@link dev.lantern.analysis.dynamics.SiteSimilarity}).
 */
package dev.lantern.analysis.dynamics;
