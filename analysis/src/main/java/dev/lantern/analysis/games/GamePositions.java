package dev.lantern.analysis.games;

import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.environments.board.Game;
import dev.lantern.analysis.search.ExactPosition;
import dev.lantern.analysis.search.ExactPositions;
import dev.lantern.analysis.search.LabelledPositions;
import dev.lantern.environments.board.GameState;
import java.util.List;

/**
 * Non-terminal positions of a {@link Game}: every one reachable from its initial state by legal play, each once, in the
 * breadth-first order of {@link ExactPositions#reachable}, or those of a {@link LabelledPositions} sample in its order;
 * each encoded as the side to move observes it
 * ({@link GameState#observe} with {@link GameState#currentPlayer()}), exactly what an AlphaZero network evaluates in
 * search. Example {@code i} of {@link #atlas} is position {@code i}. Immutable.
 *
 * <p>Tic-tac-toe has 4,520 such positions (5,478 legal positions less 958 terminal ones, a test).
 *
 * <pre>{@code
 * GamePositions positions = GamePositions.of(TicTacToe.instance());
 * ActivationAtlas atlas = positions.atlas(((Inspectable) agent.snapshot()).inspect());
 * }</pre>
 */
public final class GamePositions {

    private final Game game;
    private final List<GameState> positions;
    private final double[] observations;

    private GamePositions(Game game, List<GameState> positions, double[] observations) {
        this.game = game;
        this.positions = positions;
        this.observations = observations;
    }

    /**
     * Enumerates {@code game}'s reachable non-terminal positions.
     *
     * @throws IllegalArgumentException if the game has more than {@link ExactPositions#MAX_POSITIONS} positions
     */
    public static GamePositions of(Game game) {
        return of(game, ExactPositions.reachable(game).stream().filter(p -> !p.isTerminal()).toList());
    }

    /**
     * The positions of {@code labelled} in its order (a sample of a game too large to enumerate, or every position).
     */
    public static GamePositions of(LabelledPositions labelled) {
        return of(labelled.game(), labelled.positions().stream().map(ExactPosition::state).toList());
    }

    private static GamePositions of(Game game, List<GameState> found) {
        int in = game.observationSize();
        float[] encoded = new float[in];
        double[] obs = new double[found.size() * in];
        for (int i = 0; i < found.size(); i++) {
            GameState s = found.get(i);
            s.observe(s.currentPlayer(), encoded, 0);
            for (int j = 0; j < in; j++) {
                obs[i * in + j] = encoded[j];
            }
        }
        return new GamePositions(game, List.copyOf(found), obs);
    }

    /** The game. */
    public Game game() {
        return game;
    }

    /** Number of positions. */
    public int size() {
        return positions.size();
    }

    /** Position {@code i}. */
    public GameState position(int i) {
        return positions.get(i);
    }

    /** Every position, in numbering order. */
    public List<GameState> positions() {
        return positions;
    }

    /** Position {@code i}'s observation from the side to move, {@code [game.observationSize()]} (a copy). */
    public double[] observation(int i) {
        int in = game.observationSize();
        double[] row = new double[in];
        System.arraycopy(observations, i * in, row, 0, in);
        return row;
    }

    /** Every site of {@code network} over every position, in one pass ({@link ActivationAtlas#ofObservations}). */
    public ActivationAtlas atlas(InspectableNetwork network) {
        return ActivationAtlas.ofObservations(network, observations, size(), size() + " " + game.id()
                + " positions");
    }

    /** Every position is probed (all are decisions): {@code [size]} true flags. */
    public boolean[] all() {
        boolean[] all = new boolean[size()];
        java.util.Arrays.fill(all, true);
        return all;
    }
}
