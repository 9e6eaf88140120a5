package dev.lantern.environments.board;

import java.util.Arrays;

/**
 * The shared part of every state of a {@link BoardGame}: the history, the winner, the central validation of
 * {@link #next(int)}, and the observation, rendering and legal moves read off the board. Subclasses implement the
 * rules in {@link #play(int, int[])} for an action already known to be legal, say which cells hold whose stone
 * ({@link #stoneAt(int, int)}) and which actions the board still allows ({@link #open(int)}).
 */
abstract class AbstractGameState implements GameState {

    private final BoardGame game;
    private final int[] history;
    private final int winner;

    /**
     * @param history the actions so far; owned by this state from now on (callers pass a fresh array)
     * @param winner  the player who has won, or -1
     */
    AbstractGameState(BoardGame game, int[] history, int winner) {
        this.game = game;
        this.history = history;
        this.winner = winner;
    }

    /** The player (0 or 1) whose stone is at {@code (row, col)}, row 0 at the top, or -1 for an empty cell. */
    abstract int stoneAt(int row, int col);

    /** Whether the board still allows {@code action} (in range), whether or not the game is over. */
    abstract boolean open(int action);

    @Override
    public final Game game() {
        return game;
    }

    @Override
    public final boolean isTerminal() {
        return winner >= 0 || history.length == game.rows * game.cols;
    }

    @Override
    public final double[] returns() {
        return winner == 0 ? new double[] {1, -1} : winner == 1 ? new double[] {-1, 1} : new double[] {0, 0};
    }

    @Override
    public final boolean isLegal(int action) {
        return action >= 0 && action < game.numDistinctActions() && !isTerminal() && open(action);
    }

    @Override
    public final int[] legalActions() {
        if (isTerminal()) {
            return new int[0];
        }
        int n = 0;
        for (int a = 0; a < game.numDistinctActions(); a++) {
            n += open(a) ? 1 : 0;
        }
        int[] actions = new int[n];
        n = 0;
        for (int a = 0; a < game.numDistinctActions(); a++) {
            if (open(a)) {
                actions[n++] = a;
            }
        }
        return actions;
    }

    @Override
    public final void observe(int player, float[] buffer, int offset) {
        prepareObservation(player, buffer, offset);
        int cols = game.cols;
        int planeSize = game.rows * cols;
        for (int row = 0; row < game.rows; row++) {
            for (int col = 0; col < cols; col++) {
                int stone = stoneAt(row, col);
                if (stone >= 0) {
                    int plane = stone == player ? Game.PLANE_OWN : Game.PLANE_OPPONENT;
                    buffer[offset + plane * planeSize + row * cols + col] = 1f;
                }
            }
        }
    }

    /** The board with {@code x} for player 0, {@code o} for player 1, {@code .} empty; cells apart, one line a row. */
    @Override
    public final String render() {
        StringBuilder sb = new StringBuilder(game.rows * game.cols * 2);
        for (int row = 0; row < game.rows; row++) {
            for (int col = 0; col < game.cols; col++) {
                int stone = stoneAt(row, col);
                sb.append(stone == 0 ? 'x' : stone == 1 ? 'o' : '.').append(col < game.cols - 1 ? ' ' : '\n');
            }
        }
        return sb.toString();
    }

    /** Players alternate, player 0 first; nobody moves at a terminal state. */
    @Override
    public int currentPlayer() {
        return isTerminal() ? -1 : moveCount() & 1;
    }

    /** The state after the legal {@code action}; {@code nextHistory} is this history with the action appended. */
    abstract GameState play(int action, int[] nextHistory);

    @Override
    public final GameState next(int action) {
        if (isTerminal()) {
            throw new IllegalStateException("the game is over (" + game().id() + ", history "
                    + Arrays.toString(history) + ", returns " + Arrays.toString(returns()) + "); no action "
                    + action + " can follow");
        }
        if (!isLegal(action)) {
            throw new IllegalArgumentException("illegal action " + action + " in " + game().id() + " (legal: "
                    + Arrays.toString(legalActions()) + ")");
        }
        int[] nextHistory = Arrays.copyOf(history, history.length + 1);
        nextHistory[history.length] = action;
        return play(action, nextHistory);
    }

    @Override
    public final int[] history() {
        return history.clone();
    }

    /** The number of moves played so far. */
    final int moveCount() {
        return history.length;
    }

    /** Checks the arguments of {@link #observe(int, float[], int)} and clears the target range. */
    final void prepareObservation(int player, float[] buffer, int offset) {
        int size = game().observationSize();
        if (player != 0 && player != 1) {
            throw new IllegalArgumentException("player must be 0 or 1, got " + player);
        }
        if (offset < 0 || buffer.length - offset < size) {
            throw new IllegalArgumentException("observation needs " + size + " floats at offset " + offset
                    + ", buffer length is " + buffer.length);
        }
        Arrays.fill(buffer, offset, offset + size, 0f);
        if (currentPlayer() == 0) {
            int planeSize = size / Game.PLANE_COUNT;
            int start = offset + Game.PLANE_PLAYER0_TO_MOVE * planeSize;
            Arrays.fill(buffer, start, start + planeSize, 1f);
        }
    }

    /** Checks that {@code action} is in {@code [0, count)}, for {@link Game#actionLabel(int)}. */
    static void checkActionRange(Game game, int action) {
        if (action < 0 || action >= game.numDistinctActions()) {
            throw new IllegalArgumentException("action must be in [0, " + game.numDistinctActions() + ") for "
                    + game.id() + ", got " + action);
        }
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof AbstractGameState s && s.game().id().equals(game().id())
                && Arrays.equals(s.history, history);
    }

    @Override
    public final int hashCode() {
        return game().id().hashCode() * 31 + Arrays.hashCode(history);
    }

    @Override
    public final String toString() {
        return game().id() + " after " + Arrays.toString(history) + "\n" + render();
    }
}
