/**
 * Loss change allocation (Lan et al., NeurIPS 2019, "LCA: Loss Change Allocation for Neural Network Training"):
 * which parameters, neurons and layers made a pinned loss go down or up, step by step.
 */
package dev.lantern.analysis.lca;
