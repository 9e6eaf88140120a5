package dev.lantern.environments.board;

import java.util.List;
import java.util.Map;

/** The registered board games by id: {@code game/tic-tac-toe-v1} and {@code game/connect-four-v1}. */
public final class GameRegistry {

    private static final Map<String, Game> GAMES = Map.of(
            TicTacToe.ID, TicTacToe.instance(),
            ConnectFour.ID, ConnectFour.instance());

    private GameRegistry() {
    }

    /** Every registered id, sorted. */
    public static List<String> ids() {
        return GAMES.keySet().stream().sorted().toList();
    }

    /** Every registered game, in the order of {@link #ids()}. */
    public static List<Game> all() {
        return ids().stream().map(GAMES::get).toList();
    }

    /**
     * The game registered under {@code id}.
     *
     * @throws IllegalArgumentException if no game has that id; the message lists the known ids
     */
    public static Game make(String id) {
        Game game = GAMES.get(id);
        if (game == null) {
            throw new IllegalArgumentException("unknown game id '" + id + "' (known: " + ids() + ")");
        }
        return game;
    }
}
