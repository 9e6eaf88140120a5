package dev.lantern.app.analyze;

import dev.lantern.analysis.search.AlphaBetaPositions;
import dev.lantern.analysis.search.ExactPositions;
import dev.lantern.analysis.search.LabelledPositions;
import dev.lantern.app.config.ConfigException;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.TicTacToe;
import java.util.ArrayList;
import java.util.List;

/**
 * The positions {@code lantern analyze} holds a game run's network and search against, chosen by the game: every
 * reachable tic-tac-toe position solved by minimax ({@link ExactPositions}), or a seeded sample of connect-four
 * positions labelled by alpha-beta to a depth ({@link AlphaBetaPositions}; {@code --positions}, {@code --depth},
 * {@code --sample-seed}).
 *
 * @param positions the sample's size, or null for the default {@value #DEFAULT_POSITIONS} (connect-four only)
 * @param depth     the alpha-beta horizon in plies, or null for the default {@value #DEFAULT_DEPTH} (connect-four only)
 * @param seed      the sample's seed, or null for 0 (connect-four only)
 */
public record SearchPositions(Integer positions, Integer depth, Long seed) {

    /** Sampled connect-four positions by default: a few thousand, analysed in minutes on one thread. */
    public static final int DEFAULT_POSITIONS = 3000;
    /** The default alpha-beta horizon for connect-four labels, in plies. */
    public static final int DEFAULT_DEPTH = 8;
    /** The deepest horizon accepted (a search to the end of the game from the start). */
    public static final int MAX_DEPTH = ConnectFour.ROWS * ConnectFour.COLS;

    /** The defaults: for tic-tac-toe every position, for connect-four the default sample, seed 0. */
    public static SearchPositions defaults() {
        return new SearchPositions(null, null, null);
    }

    /**
     * The labelled positions of {@code game}.
     *
     * @throws ConfigException naming the option for a depth below 1 or above {@value #MAX_DEPTH}, a sample size
     *                         below 1 or above {@link AlphaBetaPositions#MAX_POSITIONS}, a sample option (the
     *                         seed included: it would change nothing) given for tic-tac-toe, or a game with neither exact nor sampled positions
     */
    public LabelledPositions of(Game game) {
        List<String> problems = new ArrayList<>();
        if (game.id().equals(TicTacToe.ID)) {
            if (positions != null) {
                problems.add("--positions " + positions + ": " + TicTacToe.ID + " is measured over every reachable"
                        + " position; --positions samples connect-four only");
            }
            if (depth != null) {
                problems.add("--depth " + depth + ": " + TicTacToe.ID + " is solved exactly by minimax; --depth sets"
                        + " connect-four's alpha-beta horizon only");
            }
            if (seed != null) {
                problems.add("--sample-seed " + seed + ": " + TicTacToe.ID + " is measured over every reachable"
                        + " position; --sample-seed seeds connect-four's sample only");
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return ExactPositions.of(game);
        }
        if (!game.id().equals(ConnectFour.ID)) {
            throw new ConfigException(List.of("env " + game.id() + ": search introspection supports " + TicTacToe.ID
                    + " (every position, minimax) and " + ConnectFour.ID + " (a sample, alpha-beta)"));
        }
        int n = positions == null ? DEFAULT_POSITIONS : positions;
        int d = depth == null ? DEFAULT_DEPTH : depth;
        if (n < 1 || n > AlphaBetaPositions.MAX_POSITIONS) {
            problems.add("--positions " + n + ": must be between 1 and " + AlphaBetaPositions.MAX_POSITIONS);
        }
        if (d < 1 || d > MAX_DEPTH) {
            problems.add("--depth " + d + ": must be between 1 and " + MAX_DEPTH + " plies");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return AlphaBetaPositions.sample(n, d, seed == null ? 0 : seed);
    }
}
