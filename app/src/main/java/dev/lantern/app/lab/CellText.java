package dev.lantern.app.lab;

import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.map.Tile;
import java.util.Locale;

/** The grid view's hover line: what one cell holds, in words and numbers. */
final class CellText {

    private CellText() {
    }

    /**
     * One line about a cell: its tile, the network's value and policy there ({@code frame} may be null), and the exact
     * value, for the states holding the keys in {@code mask}.
     */
    static String describe(RunInfo run, PolicyFrame frame, int mask, int row, int col) {
        Tile tile = run.map().tile(row, col);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "cell (%d, %d) %s", row, col,
                tile.name().toLowerCase(Locale.ROOT)));
        if (run.map().keyCount() > 0) {
            sb.append(mask == 0 ? ", no key" : ", key held");
        }
        GridState s = new GridState(row, col, mask);
        if (frame != null && frame.has(row, col, mask)) {
            sb.append(String.format(Locale.ROOT, " · V = %.3f", frame.value(row, col, mask)));
        }
        GridSolution truth = run.groundTruth();
        if (tile != Tile.WALL && truth.contains(s)) {
            sb.append(" · ").append(OptimumText.value(truth, truth.value(s)));
        }
        if (frame != null && frame.has(row, col, mask)) {
            String[] glyph = {"↑", "↓", "→", "←"};
            sb.append(" · π:");
            for (int a = 0; a < frame.actionCount(); a++) {
                sb.append(String.format(Locale.ROOT, " %s %.2f", glyph[a], frame.probability(row, col, mask, a)));
            }
            if (frame.hasActionValues()) {
                sb.append(" · Q:");
                for (int a = 0; a < frame.actionCount(); a++) {
                    sb.append(String.format(Locale.ROOT, " %s %.3f", glyph[a], frame.actionValue(row, col, mask, a)));
                }
            }
        }
        return sb.toString();
    }
}
