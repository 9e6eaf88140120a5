package dev.lantern.analysis.search;

import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.GameState;

/** Test fixture: connect-four positions written as the columns played from the start. */
public final class ConnectFourPlay {

    private ConnectFourPlay() {
    }

    /** The position after {@code columns} are played in turn from the empty board, x first. */
    public static GameState after(int... columns) {
        GameState s = ConnectFour.instance().initialState();
        for (int c : columns) {
            s = s.next(c);
        }
        return s;
    }
}
