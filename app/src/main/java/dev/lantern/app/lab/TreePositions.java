package dev.lantern.app.lab;

import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import javafx.scene.control.Label;
import javafx.scene.text.Font;

/**
 * What the tree view knows of the positions behind the nodes, kept generic so that board games and grid worlds share
 * one view: how an action is named on edges, how a node's state is drawn in the side panel, and, where there is a
 * network, its value of a state.
 *
 * @param actionLabel  the name of an action id on edges and in the side panel
 * @param board        draws a node's (non-null) state for the side panel
 * @param networkValue the network's value of a state for the player who chose the action into it (the viewpoint of
 *                     the node's Q), or null when there is no network
 * @param <S>          the state type
 */
public record TreePositions<S>(IntFunction<String> actionLabel, Function<S, javafx.scene.Node> board,
        ToDoubleFunction<S> networkValue) {

    /** Checks the two required parts. */
    public TreePositions {
        if (actionLabel == null || board == null) {
            throw new IllegalArgumentException("actionLabel and board are required, got " + actionLabel + ", "
                    + board);
        }
    }

    /** Positions of {@code game}: its action labels, its text board in a monospaced font, no network. */
    public static TreePositions<GameState> of(Game game) {
        return new TreePositions<>(game::actionLabel, s -> monospaced(s.render()), null);
    }

    /** Generic positions: actions named by their id, states drawn by {@code toString()}, no network. */
    public static <S> TreePositions<S> plain() {
        return new TreePositions<>(a -> "a" + a, s -> monospaced(String.valueOf(s)), null);
    }

    /** These positions with the network's value of a state (for the player who chose the action into it). */
    public TreePositions<S> withNetworkValue(ToDoubleFunction<S> value) {
        return new TreePositions<>(actionLabel, board, value);
    }

    private static Label monospaced(String text) {
        Label label = new Label(text);
        label.setFont(Font.font("Monospaced", 16));
        return label;
    }
}
