package dev.lantern.analysis.search;

import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.MinimaxSolution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every position reachable from a game's start, solved exactly by {@link Minimax}: for tic-tac-toe 5,478 positions,
 * of which 4,520 are not terminal. Positions are listed breadth first (by move count), each the first time it is
 * reached with the legal actions tried in ascending order, so the order is fixed.
 */
public final class ExactPositions implements LabelledPositions {

    private final Game game;
    private final List<ExactPosition> positions;

    private ExactPositions(Game game, List<ExactPosition> positions) {
        this.game = game;
        this.positions = List.copyOf(positions);
    }

    /**
     * Every non-terminal reachable position of {@code game} solved exactly ({@link #nonTerminal}), all proven.
     *
     * @throws IllegalStateException if the game is too large for {@link Minimax}
     */
    public static ExactPositions of(Game game) {
        return new ExactPositions(game, nonTerminal(game));
    }

    @Override
    public Game game() {
        return game;
    }

    @Override
    public List<ExactPosition> positions() {
        return positions;
    }

    @Override
    public String reference() {
        return "minimax (exact)";
    }

    @Override
    public String description() {
        return "every non-terminal position reachable from the start (" + positions.size() + "); values and best-move"
                + " sets exact by minimax (a move is correct when it is in the exact best-move set, no preference for"
                + " faster wins); exact over the whole set (no sampling error)";
    }

    /**
     * The non-terminal reachable positions of {@code game} with their exact values and best-move sets.
     *
     * @throws IllegalStateException if the game is too large for {@link Minimax}
     */
    public static List<ExactPosition> nonTerminal(Game game) {
        MinimaxSolution solution = Minimax.solve(game);
        List<ExactPosition> out = new ArrayList<>();
        for (GameState s : reachable(game)) {
            if (!s.isTerminal()) {
                double[] q = solution.actionValues(s);
                out.add(new ExactPosition(s, solution.value(s), q, ExactPosition.bestMoves(q, 0)));
            }
        }
        return out;
    }

    /** The most positions {@link #reachable} enumerates; past it, it refuses (connect-four has trillions). */
    public static final int MAX_POSITIONS = 200_000;

    /**
     * Every distinct position reachable from the start (transpositions once, by {@link GameState#key()}), terminal
     * ones included, breadth first: by move count, then in the order legal actions reach them.
     *
     * @throws IllegalArgumentException if there are more than {@link #MAX_POSITIONS}
     */
    public static List<GameState> reachable(Game game) {
        List<GameState> all = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<GameState> layer = List.of(game.initialState());
        seen.add(game.initialState().key());
        while (!layer.isEmpty()) {
            all.addAll(layer);
            if (all.size() > MAX_POSITIONS) {
                throw new IllegalArgumentException(game.id() + " has more than " + MAX_POSITIONS
                        + " reachable positions; use a sample of positions instead");
            }
            List<GameState> next = new ArrayList<>();
            for (GameState s : layer) {
                for (int a : s.legalActions()) {
                    GameState t = s.next(a);
                    if (seen.add(t.key())) {
                        next.add(t);
                    }
                }
            }
            layer = next;
        }
        return all;
    }
}
