package dev.lantern.agents.api;

/**
 * A named point in a network whose activations can be recorded and changed: the input {@code obs}, each layer's
 * pre-activation {@code <layer>.pre} (only where the activation is not the identity), each layer's output
 * {@code <layer>}, and the heads ({@code policy.logits}, {@code value.out}, {@code q.values}).
 *
 * @param name  the site name, e.g. {@code torso.dense0.pre}
 * @param width values per example: activations at the site are {@code [batch, width]}
 */
public record Site(String name, int width) {

    /** Suffix of a layer's pre-activation site ({@code torso.dense0.pre}). */
    public static final String PRE = ".pre";

    public Site {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a site needs a name, got " + name);
        }
        if (width < 1) {
            throw new IllegalArgumentException("site " + name + " needs a width >= 1, got " + width);
        }
    }
}
