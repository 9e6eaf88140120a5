package dev.lantern.app.dynamics;

import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.analysis.dynamics.PolicyComparison;
import dev.lantern.app.analyze.GridHeatmap;
import dev.lantern.app.analyze.PolicyPairGrid;
import dev.lantern.environments.grid.map.GridMap;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A {@link PolicyComparison} drawn on its grid: the two greedy policies cell by cell ({@link PolicyPairGrid}) and the
 * value difference {@code V_b - V_a} ({@link GridHeatmap}, diverging). A cell shows the state of the agent on it with
 * the start's holdings (no key, the start's flags); on maps with keys or flags the other states are in the JSON only.
 */
final class GridPictures {

    /** Pixels per cell. */
    static final int CELL = 36;

    private GridPictures() {
    }

    /** Per cell ({@code [height * width]}), the state number of the agent there with the start's holdings, or -1. */
    static int[] cellStates(StateBatch states) {
        GridMap map = states.world().map();
        int[] out = new int[map.height() * map.width()];
        for (int i = 0; i < out.length; i++) {
            out[i] = states.space().indexOf(i, 0, states.space().startExtras());
        }
        return out;
    }

    /** The note a title carries on maps whose cells hide states (keys, flags). */
    static String holdingsNote(StateBatch states) {
        int cells = 0;
        for (int s : cellStates(states)) {
            cells += s >= 0 ? 1 : 0;
        }
        return cells < states.size() ? ", cells at the start's holdings" : "";
    }

    /** The two greedy policies, agreement coloured. */
    static BufferedImage agreement(StateBatch states, PolicyComparison c, String title, String labelA,
            String labelB) {
        int[] cells = cellStates(states);
        int[] a = new int[cells.length];
        int[] b = new int[cells.length];
        int[] greedyA = c.greedyA();
        int[] greedyB = c.greedyB();
        for (int i = 0; i < cells.length; i++) {
            boolean acts = cells[i] >= 0 && c.decides(cells[i]);
            a[i] = acts ? greedyA[cells[i]] : -1;
            b[i] = acts ? greedyB[cells[i]] : -1;
        }
        return PolicyPairGrid.render(states.world().map(), a, b, title + holdingsNote(states), labelA, labelB,
                CELL);
    }

    /** {@code V_b - V_a} per cell (blue: b values the cell more). */
    static BufferedImage valueChange(StateBatch states, PolicyComparison c, String title) {
        int[] cells = cellStates(states);
        double[] v = new double[cells.length];
        Arrays.fill(v, Double.NaN);
        double[] dv = c.valueChange();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] >= 0 && c.decides(cells[i])) {
                v[i] = dv[cells[i]];
            }
        }
        return GridHeatmap.render(states.world().map(), v, title + holdingsNote(states), GridHeatmap.Scale.DIVERGING,
                CELL);
    }
}
