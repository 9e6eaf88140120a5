package dev.lantern.agents.mcts;

import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;

/**
 * A two-player zero-sum {@link Game} as a {@link SearchProblem}: no step rewards, discount 1, no horizon; a terminal
 * state is worth -1 to the player to move if the previous mover won, 0 for a draw (in every game here only the mover
 * can complete a line).
 */
public final class GameProblem implements SearchProblem<GameState> {

    private final Game game;

    /** The problem of playing {@code game}. */
    public GameProblem(Game game) {
        this.game = game;
    }

    /** The game. */
    public Game game() {
        return game;
    }

    @Override
    public int actionCount() {
        return game.numDistinctActions();
    }

    @Override
    public boolean isTerminal(GameState state) {
        return state.isTerminal();
    }

    @Override
    public int legalActions(GameState state, int[] out) {
        if (state.isTerminal()) {
            return 0;
        }
        int n = 0;
        int count = game.numDistinctActions();
        for (int a = 0; a < count; a++) {
            if (state.isLegal(a)) {
                out[n++] = a;
            }
        }
        return n;
    }

    @Override
    public GameState step(GameState state, int action, double[] reward) {
        reward[0] = 0;
        return state.next(action);
    }

    @Override
    public double terminalValue(GameState state) {
        return state.returns()[0] != 0 ? -1 : 0;
    }

    @Override
    public boolean alternating() {
        return true;
    }

    @Override
    public double discount() {
        return 1;
    }

    @Override
    public int horizon() {
        return Integer.MAX_VALUE;
    }
}
