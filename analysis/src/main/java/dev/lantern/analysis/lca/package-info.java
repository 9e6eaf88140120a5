/**
 * Loss change allocation (Lan et al., NeurIPS 2019, "LCA: Loss Change Allocation for Neural Network Training"):
 * which parameters, neurons and layers made a pinned loss go down or up, step by step. The learners' pinned losses
 * ({@link dev.lantern.agents.api.PinnedLoss}) are evaluated on a private shadow network: LCA never writes into the
 * network being trained. Learners are reached only through {@code agents.api} (an ArchUnit rule).
 */
package dev.lantern.analysis.lca;
