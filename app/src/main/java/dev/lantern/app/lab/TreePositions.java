package dev.lantern.app.lab;

import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.MinimaxSolution;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import javafx.scene.control.Label;
import javafx.scene.text.Font;

/**
 * What the tree view knows of the positions behind the nodes, kept generic so that board games and grid worlds share
 * one view: how an action is named on edges, how a node's state is drawn in the side panel, and, where there is a
 * network, its value of a state, and where the game is solved, the exact value.
 *
 * @param actionLabel  the name of an action id on edges and in the side panel
 * @param board        draws a node's (non-null) state for the side panel
 * @param networkValue the network's value of a state for the player who chose the action into it (the viewpoint of
 *                     the node's Q), or null when there is no network
 * @param exactValue   the exact (solved) value of a state for the player who chose the action into it, or null
 * @param circuits     the network's activations and attributions at a state ({@link PositionCircuits}), or null
 * @param <S>          the state type
 */
public record TreePositions<S>(IntFunction<String> actionLabel, Function<S, javafx.scene.Node> board,
        ToDoubleFunction<S> networkValue, ToDoubleFunction<S> exactValue, PositionCircuits<S> circuits) {

    /** Checks the two required parts. */
    public TreePositions {
        if (actionLabel == null || board == null) {
            throw new IllegalArgumentException("actionLabel and board are required, got " + actionLabel + ", "
                    + board);
        }
    }

    /** Positions without network circuits. */
    public TreePositions(IntFunction<String> actionLabel, Function<S, javafx.scene.Node> board,
            ToDoubleFunction<S> networkValue, ToDoubleFunction<S> exactValue) {
        this(actionLabel, board, networkValue, exactValue, null);
    }

    /** Positions of {@code game}: its action labels, its text board in a monospaced font, no network. */
    public static TreePositions<GameState> of(Game game) {
        return new TreePositions<>(game::actionLabel, s -> monospaced(s.render()), null, null);
    }

    /** Generic positions: actions named by their id, states drawn by {@code toString()}, no network. */
    public static <S> TreePositions<S> plain() {
        return new TreePositions<>(a -> "a" + a, s -> monospaced(String.valueOf(s)), null, null);
    }

    /** These positions with the network's value of a state (for the player who chose the action into it). */
    public TreePositions<S> withNetworkValue(ToDoubleFunction<S> value) {
        return new TreePositions<>(actionLabel, board, value, exactValue, circuits);
    }

    /** These positions with the exact value of a state (for the player who chose the action into it). */
    public TreePositions<S> withExactValue(ToDoubleFunction<S> value) {
        return new TreePositions<>(actionLabel, board, networkValue, value, circuits);
    }

    /**
     * These positions with the network's circuit at a state (activations per site, attribution of the value and of
     * the most visited move), drawn in the side panel under the values.
     */
    public TreePositions<S> withCircuits(PositionCircuits<S> c) {
        return new TreePositions<>(actionLabel, board, networkValue, exactValue, c);
    }

    /**
     * Positions of a solved two-player game: {@link #of(Game)} with the exact minimax value, negated from the
     * solution's player to move to the player who moved into the node.
     */
    public static TreePositions<GameState> solved(MinimaxSolution solution) {
        return of(solution.game()).withExactValue(s -> -solution.value(s));
    }

    private static Label monospaced(String text) {
        Label label = new Label(text);
        label.setFont(Font.font("Monospaced", 16));
        return label;
    }
}
