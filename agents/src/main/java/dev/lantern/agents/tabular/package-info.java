/**
 * Tabular Q-learning and SARSA on grid worlds, the teaching baseline: {@link dev.lantern.agents.tabular.TabularLearner}
 * (configured by {@link dev.lantern.agents.tabular.TabularLearnerConfig}) learns a
 * {@link dev.lantern.agents.tabular.QTable} keyed by {@link dev.lantern.environments.grid.GridState}, which is the
 * whole "circuit"; {@link dev.lantern.agents.tabular.TabularView} is its frozen view. No ND4J here. See
 * {@code docs/tabular.md}.
 */
package dev.lantern.agents.tabular;
