/**
 * Two-player, zero-sum, perfect-information board games in the OpenSpiel shape, and exact solvers for them.
 *
 * <p>A {@link dev.lantern.environments.board.Game} describes a game (id, action count, observation shape) and
 * makes its {@link dev.lantern.environments.board.GameState#next(int) initial state}; a
 * {@link dev.lantern.environments.board.GameState} is immutable, and {@code next(action)} validates the action
 * centrally and records it in the history. Games: {@link dev.lantern.environments.board.TicTacToe},
 * {@link dev.lantern.environments.board.ConnectFour}, listed by {@link dev.lantern.environments.board.GameRegistry}.
 * Solvers: {@link dev.lantern.environments.board.Minimax} (exact, memoized, for small games such as tic-tac-toe)
 * and {@link dev.lantern.environments.board.AlphaBeta} (depth-limited, for connect-four). The games are documented
 * in {@code docs/games.md}.
 */
package dev.lantern.environments.board;
