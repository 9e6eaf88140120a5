package dev.lantern.analysis.dynamics;

/**
 * How far one layer's parameters (weights and biases) are between two networks of the same architecture, a and b.
 *
 * @param layer      the layer ({@code torso.dense0}), or {@code all} for every parameter
 * @param parameters how many parameters it has
 * @param l2         {@code ||theta_b - theta_a||_2}
 * @param normA      {@code ||theta_a||_2}
 * @param normB      {@code ||theta_b||_2}
 * @param relative   {@code l2 / normA} (a is the reference: the first run, or the earlier checkpoint); 0 when the
 *                   layers are equal, infinite when only a's norm is 0
 * @param maxAbs     the largest {@code |theta_b,i - theta_a,i|}
 */
public record LayerDistance(String layer, int parameters, double l2, double normA, double normB, double relative,
        double maxAbs) {

    /** The name of the row over every parameter. */
    public static final String ALL = "all";
}
