package dev.lantern.analysis.circuits;

import java.util.Arrays;

/**
 * A concept computed from the exact state, one value per state of a {@link StateBatch} (value {@code i} is state
 * number {@code i}'s), for a {@link ConceptProbe} to look for in a network's activations (issue 10, point 5).
 *
 * <p>A {@link Kind#QUANTITY} is probed by ridge regression and scored by R^2; a {@link Kind#CLASS} has integer
 * labels, is probed by a ridge classifier and scored by balanced accuracy.
 *
 * @param name   the concept's name, for tables ({@code agent column}, {@code has key})
 * @param kind   a quantity or a class
 * @param values {@code [states]}; for a class, whole numbers (the labels)
 */
public record Concept(String name, Kind kind, double[] values) {

    /** How a concept is probed and scored. */
    public enum Kind {
        /** A number: ridge regression, scored by held-out R^2. */
        QUANTITY,
        /** A label: ridge on one-hot targets, argmax, scored by held-out balanced accuracy. */
        CLASS
    }

    public Concept {
        values = values.clone();
        if (kind == Kind.CLASS) {
            for (double v : values) {
                if (v != Math.rint(v)) {
                    throw new IllegalArgumentException(name + ": class label " + v + " is not a whole number");
                }
            }
        }
    }

    /** The agent's row in every state, a quantity. */
    public static Concept agentRow(StateBatch states) {
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) {
            v[s] = states.state(s).row();
        }
        return new Concept("agent row", Kind.QUANTITY, v);
    }

    /** The agent's column in every state, a quantity. */
    public static Concept agentColumn(StateBatch states) {
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) {
            v[s] = states.state(s).col();
        }
        return new Concept("agent column", Kind.QUANTITY, v);
    }

    /** Whether the agent holds a key (1) or not (0), a class; constant (so undefined to probe) on maps without keys. */
    public static Concept hasKey(StateBatch states) {
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) {
            v[s] = states.state(s).holdsKey() ? 1 : 0;
        }
        return new Concept("has key", Kind.CLASS, v);
    }

    /** The values (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Value of state {@code s}. */
    public double value(int s) {
        return values[s];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Concept c && name.equals(c.name) && kind == c.kind && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + kind.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Concept[" + name + ", " + kind + ", " + values.length + " states]";
    }
}
