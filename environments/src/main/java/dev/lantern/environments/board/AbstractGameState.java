package dev.lantern.environments.board;

import java.util.Arrays;

/**
 * The shared part of every state: the history, and the central validation of {@link #next(int)}.
 * Subclasses implement the rules in {@link #play(int, int[])} for an action already known to be legal.
 */
abstract class AbstractGameState implements GameState {

    private final int[] history;

    /** @param history the actions so far; owned by this state from now on (callers pass a fresh array) */
    AbstractGameState(int[] history) {
        this.history = history;
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
