package dev.lantern.analysis.dynamics;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.ParameterLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameter distance between two networks of the same architecture, per layer and over all parameters
 * ({@link LayerDistance}), from their flat parameter vectors widened to double (exact). Sums of squares are
 * accumulated in double.
 */
public final class ParameterDistance {

    private ParameterDistance() {
    }

    /** Whether {@code a} and {@code b} have the same layers (names, inputs and neurons, in the same order). */
    public static boolean sameArchitecture(InspectableNetwork a, InspectableNetwork b) {
        return a.layout().equals(b.layout());
    }

    /**
     * One row per layer in flat-vector order, then the row {@link LayerDistance#ALL}.
     *
     * @throws IllegalArgumentException naming both layouts if the architectures differ
     */
    public static List<LayerDistance> perLayer(InspectableNetwork a, InspectableNetwork b) {
        if (!sameArchitecture(a, b)) {
            throw new IllegalArgumentException("parameter distance needs the same architecture: " + describe(a.layout())
                    + " vs " + describe(b.layout()));
        }
        return perLayer(a.layout(), a.parameters(), b.parameters());
    }

    /** {@link #perLayer(InspectableNetwork, InspectableNetwork)} over flat vectors in {@code layout}. */
    public static List<LayerDistance> perLayer(ParameterLayout layout, double[] a, double[] b) {
        if (a.length != layout.size() || b.length != layout.size()) {
            throw new IllegalArgumentException("the layout has " + layout.size() + " parameters, the vectors "
                    + a.length + " and " + b.length);
        }
        List<LayerDistance> rows = new ArrayList<>();
        for (ParameterLayout.Block block : layout.layers()) {
            rows.add(distance(block.name(), a, b, block.offset(), block.offset() + block.size()));
        }
        rows.add(distance(LayerDistance.ALL, a, b, 0, a.length));
        return rows;
    }

    private static LayerDistance distance(String name, double[] a, double[] b, int from, int to) {
        double d2 = 0;
        double a2 = 0;
        double b2 = 0;
        double max = 0;
        for (int i = from; i < to; i++) {
            double d = b[i] - a[i];
            d2 += d * d;
            a2 += a[i] * a[i];
            b2 += b[i] * b[i];
            max = Math.max(max, Math.abs(d));
        }
        double l2 = Math.sqrt(d2);
        double normA = Math.sqrt(a2);
        double relative = l2 == 0 ? 0 : l2 / normA;
        return new LayerDistance(name, to - from, l2, normA, Math.sqrt(b2), relative, max);
    }

    /** {@code [torso.dense0 1183x64, ...]}. */
    static String describe(ParameterLayout layout) {
        return layout.layers().stream().map(l -> l.name() + " " + l.nIn() + "x" + l.nOut()).toList().toString();
    }
}
