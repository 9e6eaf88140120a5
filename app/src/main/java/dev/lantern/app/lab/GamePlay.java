package dev.lantern.app.lab;

import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import java.util.ArrayList;
import java.util.List;

/**
 * The game the view shows: a line of moves from the start, the position the view stands at (a cursor into the
 * line, stepped back and forward), and who plays each side. Plain data, FX thread only.
 *
 * <p>In {@link Mode#SELF_PLAY} the line is a self-play game of the current network, stepped through. In the other
 * modes the agent plays one side ({@link #agentPlayer()}) and a human, exact play or UCT the other; a move played
 * while the cursor stands before the end of the line cuts the line there (a new branch).
 */
final class GamePlay {

    /** Who plays against whom. */
    enum Mode {
        /** A self-play game of the current network (both sides), stepped through. */
        SELF_PLAY("Self-play game"),
        /** A human (clicks) against the agent. */
        HUMAN("You vs agent"),
        /** The agent against exact play (minimax; alpha-beta at the view's depth for connect-four). */
        MINIMAX("Agent vs minimax"),
        /** The agent against UCT with random rollouts. */
        UCT("Agent vs UCT");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Game game;
    private final List<Integer> moves = new ArrayList<>();
    private Mode mode = Mode.SELF_PLAY;
    private int agentPlayer = 1;
    private int cursor;

    GamePlay(Game game) {
        this.game = game;
    }

    /** The game. */
    Game game() {
        return game;
    }

    /** The mode. */
    Mode mode() {
        return mode;
    }

    /** Starts an empty game in {@code m}, the agent playing {@code player} (0 = first, x). */
    void reset(Mode m, int player) {
        mode = m;
        agentPlayer = player;
        moves.clear();
        cursor = 0;
    }

    /** Replaces the line by {@code line} (a recorded self-play game) and goes to its start. */
    void load(int[] line) {
        moves.clear();
        for (int a : line) {
            moves.add(a);
        }
        cursor = 0;
        position(); // checks every move is legal
    }

    /** The player the agent plays (0 or 1); both in self-play. */
    int agentPlayer() {
        return agentPlayer;
    }

    /** The moves of the line, in order. */
    int[] moves() {
        return moves.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many moves of the line the shown position has played. */
    int cursor() {
        return cursor;
    }

    /** The position at the cursor. */
    GameState position() {
        GameState s = game.initialState();
        for (int i = 0; i < cursor; i++) {
            s = s.next(moves.get(i));
        }
        return s;
    }

    /** Whether the cursor is at the end of the line. */
    boolean atEnd() {
        return cursor == moves.size();
    }

    /** One move back; false at the start. */
    boolean back() {
        if (cursor == 0) {
            return false;
        }
        cursor--;
        return true;
    }

    /** One move forward; false at the end. */
    boolean forward() {
        if (atEnd()) {
            return false;
        }
        cursor++;
        return true;
    }

    /**
     * Plays {@code action} at the cursor: the line after the cursor is cut, the move appended, the cursor moved on.
     *
     * @throws IllegalArgumentException if the move is not legal there (naming it and the legal ones)
     */
    void play(int action) {
        position().next(action); // validates: names the move and the legal ones
        while (moves.size() > cursor) {
            moves.remove(moves.size() - 1);
        }
        moves.add(action);
        cursor++;
    }

    /** Whether the human may move now: human mode, the human's turn at the cursor, the game not over. */
    boolean humanToMove() {
        GameState s = position();
        return mode == Mode.HUMAN && !s.isTerminal() && s.currentPlayer() != agentPlayer;
    }

    /** Whether the agent or its automatic opponent should move now: not self-play, at the end, the game not over. */
    boolean machineToMove() {
        GameState s = position();
        return mode != Mode.SELF_PLAY && atEnd() && !s.isTerminal()
                && (mode != Mode.HUMAN || s.currentPlayer() == agentPlayer);
    }
}
