package dev.lantern.agents.api;

import java.util.Arrays;

/**
 * A change to a site's activations during one forward pass (TransformerLens' hook, scoped to one call: an argument of
 * {@link InspectableNetwork#run}, never left installed). It acts on chosen neurons of every example, after the site is
 * computed and before anything reads it; the value flows on, and gradients flow through it (a replaced neuron passes
 * no gradient back, a scaled one passes it scaled).
 *
 * <p>{@code values} holds either one value per neuron ({@code [k]}, broadcast over the batch) or one per example and
 * neuron ({@code [batch * k]}, row-major: example {@code b}'s values at {@code [b k, (b + 1) k)}), {@code k} being
 * {@code neurons.length}.
 *
 * @param site      the site name ({@link Site#name()})
 * @param operation what to do to each chosen activation
 * @param neurons   indices in {@code [0, width)} of the chosen neurons
 * @param values    the operand per neuron, or per example and neuron
 */
public record Intervention(String site, Operation operation, int[] neurons, double[] values) {

    /** What an intervention does to one activation {@code a} with operand {@code v}. */
    public enum Operation {
        /** {@code a := v} (ablation, patching). */
        REPLACE,
        /** {@code a := a v}. */
        SCALE,
        /** {@code a := a + v} (steering). */
        ADD;

        /** The new activation. */
        public double apply(double a, double v) {
            return switch (this) {
                case REPLACE -> v;
                case SCALE -> a * v;
                case ADD -> a + v;
            };
        }

        /** d(new activation)/d(old activation). */
        public double derivative(double v) {
            return switch (this) {
                case REPLACE -> 0;
                case SCALE -> v;
                case ADD -> 1;
            };
        }
    }

    public Intervention {
        neurons = neurons.clone();
        values = values.clone();
        if (neurons.length == 0 || values.length == 0 || values.length % neurons.length != 0) {
            throw new IllegalArgumentException("intervention at " + site + ": " + values.length
                    + " values do not fit " + neurons.length + " neurons (one value per neuron, or per example and neuron)");
        }
    }

    /** Sets {@code neurons} of {@code site} to {@code values} ({@code [k]} or {@code [batch * k]}). */
    public static Intervention replace(String site, int[] neurons, double... values) {
        return new Intervention(site, Operation.REPLACE, neurons, values);
    }

    /** Multiplies {@code neurons} of {@code site} by {@code factors}. */
    public static Intervention scale(String site, int[] neurons, double... factors) {
        return new Intervention(site, Operation.SCALE, neurons, factors);
    }

    /** Adds {@code deltas} to {@code neurons} of {@code site}. */
    public static Intervention add(String site, int[] neurons, double... deltas) {
        return new Intervention(site, Operation.ADD, neurons, deltas);
    }

    /** Zero-ablates {@code neurons} of {@code site} in every example. */
    public static Intervention ablate(String site, int... neurons) {
        return replace(site, neurons, new double[neurons.length]);
    }

    /** The operand for example {@code b} and the {@code i}-th chosen neuron. */
    public double value(int b, int i) {
        return values.length == neurons.length ? values[i] : values[b * neurons.length + i];
    }

    /** Checks the neuron indices against the site's width and the values against the batch. */
    public void check(int width, int batch) {
        for (int j : neurons) {
            if (j < 0 || j >= width) {
                throw new IllegalArgumentException("intervention at " + site + ": neuron " + j + " outside [0, " + width
                        + ")");
            }
        }
        if (values.length != neurons.length && values.length != batch * neurons.length) {
            throw new IllegalArgumentException("intervention at " + site + ": " + values.length + " values for "
                    + neurons.length + " neurons and a batch of " + batch + " (expected " + neurons.length + " or "
                    + batch * neurons.length + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Intervention i && site.equals(i.site) && operation == i.operation
                && Arrays.equals(neurons, i.neurons) && Arrays.equals(values, i.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * site.hashCode() + operation.hashCode()) + Arrays.hashCode(neurons) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return operation + " " + site + Arrays.toString(neurons) + " with " + Arrays.toString(values);
    }
}
