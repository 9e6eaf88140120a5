/**
 * Search introspection for AlphaZero-style agents (issue 12, point 3): labelled positions
 * ({@link dev.lantern.analysis.search.LabelledPositions}): every non-terminal position of a small game with its exact
 * value and best-move set ({@link dev.lantern.analysis.search.ExactPositions}), or a seeded connect-four sample
 * labelled by alpha-beta to a depth, exact where proven ({@link dev.lantern.analysis.search.AlphaBetaPositions}); a
 * network's prior and
 * value there and a PUCT search's visits and root value at a budget
 * ({@link dev.lantern.analysis.search.SearchIntrospection}), and what they add up to: policy accuracy against the
 * exact best moves, value error against the exact value, KL(visits || prior) at the root and the positions where
 * network and search disagree most ({@link dev.lantern.analysis.search.SearchReport}). Networks are read through
 * {@link dev.lantern.agents.api.PolicyValueView} snapshots and searched with the planning library
 * {@code agents.mcts}; nothing here touches a network being trained.
 */
package dev.lantern.analysis.search;
