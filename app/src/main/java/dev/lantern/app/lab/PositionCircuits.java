package dev.lantern.app.lab;

/**
 * The seam from a search-tree node to what a network computes at its position: given a state (and the move the
 * search liked best there), the network's activations per site and the attribution of its value and of that move to
 * the cells of the position ({@link PositionCircuit}). Passed to the tree view through
 * {@link TreePositions#withCircuits}; {@link NetworkCircuits} implements it over a private copy of a network for board
 * games ({@link NetworkCircuits#forGame}) and grid worlds ({@link NetworkCircuits#forGrid}). Called on the FX thread
 * when a node is selected; implementations own their network copy (never the one being trained).
 *
 * @param <S> the state type
 */
@FunctionalInterface
public interface PositionCircuits<S> {

    /**
     * The network's circuit at {@code state}.
     *
     * @param state the node's position (non-null)
     * @param move  the action whose logit is attributed (the node's most visited child), or -1 for none (a leaf)
     */
    PositionCircuit at(S state, int move);
}
