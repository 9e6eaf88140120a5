/**
 * Concept probes for board-game networks (issue 12, point 5): every non-terminal position of a game reachable from
 * the start ({@link dev.lantern.analysis.games.GamePositions}), exact game concepts over them
 * ({@link dev.lantern.analysis.games.GameConcepts}: immediate wins, forks, the centre, stones, the minimax value; for
 * connect-four over a labelled sample {@link dev.lantern.analysis.games.ConnectFourConcepts}: immediate wins, threats,
 * centre-column stones, stones, the alpha-beta value),
 * and the what-when-where of an AlphaZero network's sites and checkpoints over those positions
 * ({@link dev.lantern.analysis.games.GameConceptProbe}), with the probe machinery of
 * {@link dev.lantern.analysis.circuits}.
 */
package dev.lantern.analysis.games;
