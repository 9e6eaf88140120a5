package dev.lantern.analysis.circuits;

/**
 * A kept edge of a {@link CircuitGraph}, from a node of one layer to a node of the next.
 *
 * @param from         the source node (layer {@code to.layer() - 1})
 * @param to           the target node
 * @param contribution the signed weight ({@link EdgeWeighting}); in a global graph, its mean over the states
 * @param meanAbs      {@code |contribution|} for one state; the mean of {@code |contribution|} over the states in a
 *                     global graph (what pruning ranks by)
 */
public record CircuitEdge(CircuitNode from, CircuitNode to, double contribution, double meanAbs) {
}
