/**
 * Tabular Q-learning and SARSA on grid worlds, the teaching baseline: the {@link dev.lantern.agents.tabular.QTable}
 * keyed by {@link dev.lantern.environments.grid.GridState} is the whole "circuit". Configured by
 * {@link dev.lantern.agents.tabular.TabularConfig}, trained by {@link dev.lantern.agents.tabular.TabularAgent}, which
 * returns a {@link dev.lantern.agents.tabular.TabularResult}. Pure Java: no ND4J here. See {@code docs/tabular.md}.
 */
package dev.lantern.agents.tabular;
