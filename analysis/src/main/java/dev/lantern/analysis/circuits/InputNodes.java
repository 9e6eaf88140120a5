package dev.lantern.analysis.circuits;

import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;

/**
 * How a grid world's observation features group into the circuit graph's input nodes: a one-hot observation
 * ({@code [channels, height, width]} planes) has one node per map cell, its planes summed (node {@code r width + c},
 * label {@code (r,c)}); an egocentric one has one node per cell of the window around the agent (node
 * {@code i k + j}, label {@code view (dr,dc)}, the offset from the agent); a symbolic one has one node per feature
 * ({@code row r}, {@code column c}, {@code key k}, then {@code feature f}).
 */
final class InputNodes {

    private final int[] nodeOf;
    private final String[] labels;

    private InputNodes(int[] nodeOf, String[] labels) {
        this.nodeOf = nodeOf;
        this.labels = labels;
    }

    /** The input nodes of {@code world}'s observation. */
    static InputNodes of(GridWorld world) {
        GridMap map = world.map();
        int size = world.spec().observationSize();
        GridObservation o = world.observation();
        return switch (o.kind()) {
            case ONE_HOT -> planes(size, map.height(), map.width(), false);
            case EGOCENTRIC -> planes(size, o.viewSize(), o.viewSize(), true);
            case SYMBOLIC -> symbolic(size, map);
        };
    }

    /** One node per feature, labelled {@code feature f}: an observation this class knows nothing of. */
    static InputNodes perFeature(int size) {
        int[] nodeOf = new int[size];
        String[] labels = new String[size];
        for (int f = 0; f < size; f++) {
            nodeOf[f] = f;
            labels[f] = "feature " + f;
        }
        return new InputNodes(nodeOf, labels);
    }

    private static InputNodes planes(int size, int height, int width, boolean egocentric) {
        int cells = height * width;
        if (size % cells != 0) {
            throw new IllegalArgumentException(size + " features are not whole planes of " + height + " x " + width);
        }
        int[] nodeOf = new int[size];
        for (int f = 0; f < size; f++) {
            nodeOf[f] = f % cells;
        }
        String[] labels = new String[cells];
        for (int cell = 0; cell < cells; cell++) {
            int r = cell / width;
            int c = cell % width;
            labels[cell] = egocentric ? "view (" + (r - height / 2) + "," + (c - width / 2) + ")" : "(" + r + "," + c + ")";
        }
        return new InputNodes(nodeOf, labels);
    }

    private static InputNodes symbolic(int size, GridMap map) {
        InputNodes nodes = perFeature(size);
        int f = 0;
        for (int r = 0; r < map.height() && f < size; r++) {
            nodes.labels[f++] = "row " + r;
        }
        for (int c = 0; c < map.width() && f < size; c++) {
            nodes.labels[f++] = "column " + c;
        }
        for (int k = 0; k < map.keyCount() && f < size; k++) {
            nodes.labels[f++] = "key " + k;
        }
        return nodes;
    }

    /** The node feature {@code f} belongs to. */
    int nodeOf(int feature) {
        return nodeOf[feature];
    }

    /** Number of input nodes. */
    int count() {
        return labels.length;
    }

    /** Node {@code n}'s label. */
    String label(int node) {
        return labels[node];
    }

    /** Features per observation. */
    int features() {
        return nodeOf.length;
    }
}
