package dev.lantern.environments.board;

import java.util.Arrays;
import java.util.Map;

/**
 * The exact solution of a game made by {@link Minimax#solve(Game)}: the value of every reachable position, from the
 * point of view of the player to move (see {@link Minimax} for terminal states). Immutable and thread-safe.
 */
public final class MinimaxSolution {

    private final Game game;
    private final Map<Long, Double> values;

    MinimaxSolution(Game game, Map<Long, Double> values) {
        this.game = game;
        this.values = Map.copyOf(values);
    }

    /** The solved game. */
    public Game game() {
        return game;
    }

    /** Number of distinct positions reachable from the initial state, the initial and terminal ones included. */
    public int reachableStates() {
        return values.size();
    }

    /**
     * The exact value of {@code s} for the player to move: +1 win, 0 draw, -1 loss under perfect play. At a terminal
     * state: the return of the player whose turn it would be ({@code returns()[history().length % 2]}).
     *
     * @throws IllegalArgumentException if {@code s} belongs to another game
     */
    public double value(GameState s) {
        if (!s.game().id().equals(game.id())) {
            throw new IllegalArgumentException("this solution is for " + game.id() + ", got a state of "
                    + s.game().id());
        }
        Double v = values.get(s.key());
        if (v == null) {
            throw new IllegalStateException("position not among the " + values.size() + " solved ones:\n"
                    + s.render());
        }
        return v;
    }

    /**
     * The value of every action for the player to move, {@code [numDistinctActions]}: {@code -value(s.next(a))} for a
     * legal {@code a}, {@code NaN} for an illegal one.
     *
     * @throws IllegalStateException if {@code s} is terminal
     */
    public double[] actionValues(GameState s) {
        if (s.isTerminal()) {
            throw new IllegalStateException("no actions at a terminal state:\n" + s.render());
        }
        double[] q = new double[game.numDistinctActions()];
        Arrays.fill(q, Double.NaN);
        for (int a : s.legalActions()) {
            q[a] = -value(s.next(a)) + 0.0; // + 0.0 turns -0.0 into 0.0
        }
        return q;
    }

    /**
     * An optimal action for the player to move; among equally good actions, the lowest.
     *
     * @throws IllegalStateException if {@code s} is terminal
     */
    public int bestAction(GameState s) {
        double[] q = actionValues(s);
        int best = -1;
        for (int a = 0; a < q.length; a++) {
            if (!Double.isNaN(q[a]) && (best < 0 || q[a] > q[best])) {
                best = a;
            }
        }
        return best;
    }
}
