package dev.lantern.analysis.search;

import dev.lantern.environments.board.AlphaBeta;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.random.Rng;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A seeded sample of connect-four positions labelled by {@link AlphaBeta} to a horizon: connect-four's positions
 * cannot be enumerated, so search introspection measures against these (issue 12, point 3).
 *
 * <p><b>Sample.</b> Games are played from the start, alternately by two kinds of player (both sides the same):
 * uniformly random moves, and {@link AlphaBeta} at depth {@value #PLAYER_DEPTH} choosing uniformly among its best
 * moves after a uniformly random number ({@code 0..7}) of random opening plies. The positions are split by move
 * number into {@value #STRATA} strata ({@code [0, 14)}, {@code [14, 28)}, {@code [28, 42)} stones) of equal quota
 * (the remainder to the earliest); from each game one non-terminal position per stratum is drawn uniformly among those
 * the game passed through and kept if it is new (by {@link GameState#key()}) and its stratum is not full. The order is
 * stratum by stratum, then in the order found; the same seed gives the same positions.
 *
 * <p><b>Labels.</b> Each legal move's value to the horizon ({@link AlphaBeta#actionValues}, full window, from the side
 * to move). The best-move set is the moves of equal best value; AlphaBeta prefers faster wins and slower losses, so
 * among winning moves only the fastest count. A position is <b>proven</b> when its value is a proven win or loss
 * ({@code |v| > } {@link AlphaBeta#PROVEN_THRESHOLD}) or every line ends within the horizon ({@code stones + depth >=
 * 42}); its labels are then those of a search to the end, and its {@link ExactPosition#value()} is the outcome
 * ({@code +1}, {@code 0}, {@code -1}; the distance only ranks the moves). Otherwise the value is the horizon
 * heuristic's, strictly inside {@code (-0.5, 0.5)}.
 */
public final class AlphaBetaPositions implements LabelledPositions {

    /** The most positions a sample may have. */
    public static final int MAX_POSITIONS = 20_000;
    /** The horizon of the sampling player's {@link AlphaBeta}, in plies. */
    public static final int PLAYER_DEPTH = 2;
    /** Move-number strata the sample is split into. */
    public static final int STRATA = 3;

    private static final int CELLS = ConnectFour.ROWS * ConnectFour.COLS;
    private static final int STRATUM_WIDTH = CELLS / STRATA;
    private static final int MAX_RANDOM_OPENING = 7;

    private final List<ExactPosition> positions;
    private final int depth;
    private final long seed;

    private AlphaBetaPositions(List<ExactPosition> positions, int depth, long seed) {
        this.positions = List.copyOf(positions);
        this.depth = depth;
        this.seed = seed;
    }

    /**
     * {@code count} sampled positions ({@link #sampleStates}) labelled to {@code depth} plies ({@link #label}).
     *
     * @throws IllegalArgumentException if {@code count} is outside {@code [1, MAX_POSITIONS]} or {@code depth < 1}
     */
    public static AlphaBetaPositions sample(int count, int depth, long seed) {
        checkDepth(depth);
        List<GameState> states = sampleStates(count, seed);
        AlphaBeta search = new AlphaBeta(depth);
        List<ExactPosition> out = new ArrayList<>(states.size());
        for (GameState s : states) {
            out.add(label(search, s));
        }
        return new AlphaBetaPositions(out, depth, seed);
    }

    /**
     * The labels of {@code state} by {@code search} (described on the class).
     *
     * @throws IllegalArgumentException if {@code state} is not connect-four; {@link IllegalStateException} if terminal
     */
    public static ExactPosition label(AlphaBeta search, GameState state) {
        double[] q = search.actionValues(state);
        double value = Double.NEGATIVE_INFINITY;
        for (double v : q) {
            if (!Double.isNaN(v)) {
                value = Math.max(value, v);
            }
        }
        boolean decided = Math.abs(value) > AlphaBeta.PROVEN_THRESHOLD;
        boolean proven = decided || state.history().length + search.maxDepth() >= CELLS;
        double reported = decided ? Math.signum(value) : proven ? 0.0 : value;
        return new ExactPosition(state, reported, q, ExactPosition.bestMoves(q, 0), proven);
    }

    /**
     * The sample's positions without labels (described on the class).
     *
     * @throws IllegalArgumentException if {@code count} is outside {@code [1, MAX_POSITIONS]}
     * @throws IllegalStateException    if the strata cannot be filled within a generous number of games
     */
    public static List<GameState> sampleStates(int count, long seed) {
        if (count < 1 || count > MAX_POSITIONS) {
            throw new IllegalArgumentException("a sample needs 1 to " + MAX_POSITIONS + " positions, got " + count);
        }
        int[] quota = new int[STRATA];
        for (int k = 0; k < STRATA; k++) {
            quota[k] = count / STRATA + (k < count % STRATA ? 1 : 0);
        }
        List<List<GameState>> strata = new ArrayList<>();
        for (int k = 0; k < STRATA; k++) {
            strata.add(new ArrayList<>());
        }
        Set<Long> seen = new HashSet<>();
        Rng rng = new Rng(seed);
        AlphaBeta player = new AlphaBeta(PLAYER_DEPTH);
        long maxGames = 200L * count + 1000;
        int filled = 0;
        for (long game = 0; filled < count; game++) {
            if (game >= maxGames) {
                throw new IllegalStateException(String.format(Locale.ROOT, "after %d games the strata hold %d, %d, %d"
                        + " of %d, %d, %d positions", game, strata.get(0).size(), strata.get(1).size(),
                        strata.get(2).size(), quota[0], quota[1], quota[2]));
            }
            List<GameState> line = play(game % 2 == 1 ? player : null, rng);
            for (int k = 0; k < STRATA; k++) {
                List<GameState> in = new ArrayList<>();
                for (GameState s : line) {
                    if (s.history().length / STRATUM_WIDTH == k) {
                        in.add(s);
                    }
                }
                if (in.isEmpty()) {
                    continue;
                }
                GameState pick = in.get(rng.nextInt(in.size()));
                if (strata.get(k).size() < quota[k] && seen.add(pick.key())) {
                    strata.get(k).add(pick);
                    filled++;
                }
            }
        }
        List<GameState> out = new ArrayList<>(count);
        strata.forEach(out::addAll);
        return out;
    }

    /** One game's non-terminal positions, the start included; random play when {@code player} is null. */
    private static List<GameState> play(AlphaBeta player, Rng rng) {
        List<GameState> line = new ArrayList<>();
        GameState s = ConnectFour.instance().initialState();
        int opening = player == null ? CELLS : rng.nextInt(MAX_RANDOM_OPENING + 1);
        while (!s.isTerminal()) {
            line.add(s);
            int[] legal = s.legalActions();
            int move;
            if (s.history().length < opening) {
                move = legal[rng.nextInt(legal.length)];
            } else {
                int[] best = ExactPosition.bestMoves(player.actionValues(s), 0);
                move = best[rng.nextInt(best.length)];
            }
            s = s.next(move);
        }
        return line;
    }

    private static void checkDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("the alpha-beta depth must be >= 1, got " + depth);
        }
    }

    /** The horizon of the labels, in plies. */
    public int depth() {
        return depth;
    }

    /** The sample's seed. */
    public long seed() {
        return seed;
    }

    @Override
    public Game game() {
        return ConnectFour.instance();
    }

    @Override
    public List<ExactPosition> positions() {
        return positions;
    }

    @Override
    public String reference() {
        return "alpha-beta depth " + depth;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "a seeded sample of %d non-terminal connect-four positions (seed %d; random"
                + " play and alpha-beta depth %d play with random ties, one position per game and move-number stratum"
                + " [0,14) [14,28) [28,42) stones, deduplicated) labelled by alpha-beta to depth %d: best-move set ="
                + " the moves of equal best value (faster wins preferred); %d positions are proven (a proven win or"
                + " loss, or every line ends within the horizon) and carry exact labels, the rest the depth-limited"
                + " search's (horizon heuristic values inside (-0.5, 0.5)); the 'proven' metrics are over those only,"
                + " the others over all positions against the depth-limited reference; means over a sample",
                positions.size(), seed, PLAYER_DEPTH, depth, provenCount());
    }
}
