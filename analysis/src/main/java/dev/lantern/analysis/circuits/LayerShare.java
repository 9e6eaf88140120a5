package dev.lantern.analysis.circuits;

/**
 * What pruning kept of the edges into one layer of a {@link CircuitGraph}: the candidates are the edges into the
 * nodes kept at that layer (those on a kept path to the output) with a nonzero weight, ranked by
 * {@link CircuitEdge#meanAbs()}.
 *
 * @param site           the layer the edges go into ({@code torso.dense0}, ..., the head)
 * @param candidateEdges edges with a nonzero weight into the layer's kept nodes
 * @param keptEdges      the edges kept
 * @param total          the candidates' summed {@code meanAbs}
 * @param kept           the kept edges' summed {@code meanAbs}
 * @param keptShare      {@code kept / total}, at least the requested share; NaN where {@code total} is 0
 */
public record LayerShare(String site, int candidateEdges, int keptEdges, double total, double kept,
        double keptShare) {
}
