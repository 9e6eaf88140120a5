package dev.lantern.environments.board;

import java.util.HashMap;
import java.util.Map;

/**
 * Exact negamax over the whole game tree, memoized by {@link GameState#key()}: the ground truth for small games
 * such as tic-tac-toe (5,478 reachable positions).
 *
 * <p>Values are from the point of view of the player to move: {@code value(s) = max over legal a of
 * -value(s.next(a))}; a terminal state is worth {@code s.returns()[p]} for the player {@code p} whose turn it would
 * be (the parity of the move count), so a position just won by the previous mover is worth -1. Values are exact game
 * values in {@code {-1, 0, +1}}; there is no preference for faster wins. Memoizing by key is sound because the
 * value of a position depends only on its stones.
 */
public final class Minimax {

    /** The most positions {@link #solve(Game)} will store before giving up. */
    public static final int DEFAULT_MAX_STATES = 2_000_000;

    private Minimax() {
    }

    /**
     * Solves {@code game} from its initial state, visiting every reachable position once.
     *
     * @throws IllegalStateException if the game has more than {@value #DEFAULT_MAX_STATES} reachable positions
     */
    public static MinimaxSolution solve(Game game) {
        return solve(game, DEFAULT_MAX_STATES);
    }

    /**
     * Solves {@code game} from its initial state, visiting every reachable position once.
     *
     * @param maxStates the most positions to store, {@code > 0}
     * @throws IllegalArgumentException if {@code maxStates <= 0}
     * @throws IllegalStateException    if the game has more than {@code maxStates} reachable positions
     */
    public static MinimaxSolution solve(Game game, int maxStates) {
        if (maxStates <= 0) {
            throw new IllegalArgumentException("maxStates must be > 0, got " + maxStates);
        }
        Map<Long, Double> values = new HashMap<>();
        negamax(game.initialState(), values, maxStates, game);
        return new MinimaxSolution(game, values);
    }

    private static double negamax(GameState s, Map<Long, Double> values, int maxStates, Game game) {
        Double known = values.get(s.key());
        if (known != null) {
            return known;
        }
        double value;
        if (s.isTerminal()) {
            value = s.returns()[s.history().length & 1];
        } else {
            value = Double.NEGATIVE_INFINITY;
            for (int a : s.legalActions()) {
                value = Math.max(value, -negamax(s.next(a), values, maxStates, game) + 0.0); // + 0.0: no -0.0
            }
        }
        if (values.size() >= maxStates) {
            throw new IllegalStateException(game.id() + " has more than " + maxStates
                    + " reachable positions; Minimax is for small games");
        }
        values.put(s.key(), value);
        return value;
    }
}
