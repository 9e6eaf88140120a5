package dev.lantern.app.analyze;

import dev.lantern.analysis.circuits.PatchSweepRow;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The patching figure of one pair set: for each output read, a block of rows, one per hidden layer, each cell one
 * neuron coloured by the pooled restored fraction ({@link PatchSweepRow#pooledRestored()}) of patching it alone
 * (diverging, fixed range [-1, 1]: blue restores, red pushes the other way, white nothing; beyond the range clamped;
 * grey where no pair is defined).
 */
public final class PatchingHeatmap {

    private static final double[] RANGE = {-1, 1};
    private static final Color NO_VALUE = new Color(0xd9d9d9);
    private static final int ROW = 18;
    private static final int LABEL = 170;

    private PatchingHeatmap() {
    }

    /**
     * Draws the neuron rows of a sweep.
     *
     * @param title   the figure's title (the pair set)
     * @param layers  the hidden layers, top to bottom
     * @param widths  each layer's width
     * @param outputs the outputs' names ({@code PatchSweepRow#output()}), one block each
     * @param rows    the sweep's rows (whole-site rows are ignored)
     */
    public static BufferedImage render(String title, List<String> layers, int[] widths, List<String> outputs,
            List<PatchSweepRow> rows) {
        int widest = Arrays.stream(widths).max().orElse(1);
        int cell = Math.max(4, Math.min(24, 768 / widest));
        double[][][] v = new double[outputs.size()][layers.size()][];
        for (int o = 0; o < outputs.size(); o++) {
            for (int l = 0; l < layers.size(); l++) {
                v[o][l] = new double[widths[l]];
                Arrays.fill(v[o][l], Double.NaN);
            }
        }
        for (PatchSweepRow r : rows) {
            int o = outputs.indexOf(r.output());
            int l = layers.indexOf(r.site());
            if (!r.wholeSite() && o >= 0 && l >= 0) {
                v[o][l][r.neuron()] = r.pooledRestored();
            }
        }
        int width = Math.max(LABEL + widest * cell + 16, 420);
        int height = Math.max(30 + outputs.size() * (ROW + layers.size() * ROW + 8) + 40, 240);
        return FigureCanvas.draw(width, height, "patching: " + title, g -> {
            int y = 30;
            for (int o = 0; o < outputs.size(); o++) {
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
                g.drawString("pooled restored fraction of " + outputs.get(o) + ", one neuron patched", 8, y + 13);
                y += ROW;
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                for (int l = 0; l < layers.size(); l++) {
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(layers.get(l), 8, y + 13);
                    for (int n = 0; n < widths[l]; n++) {
                        double f = v[o][l][n];
                        g.setColor(Double.isNaN(f) ? NO_VALUE : GridHeatmap.color(f, RANGE,
                                GridHeatmap.Scale.DIVERGING));
                        g.fillRect(LABEL + n * cell, y + 1, cell - (cell > 6 ? 1 : 0), ROW - 2);
                    }
                    y += ROW;
                }
                y += 8;
            }
            int bar = 200;
            for (int i = 0; i < bar; i++) {
                g.setColor(GridHeatmap.color(-1 + 2.0 * i / (bar - 1), RANGE, GridHeatmap.Scale.DIVERGING));
                g.fillRect(LABEL + i, y + 4, 1, 12);
            }
            g.setColor(NO_VALUE);
            g.fillRect(LABEL + bar + 70, y + 4, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            g.drawString(String.format(Locale.ROOT, "%.0f", RANGE[0]), LABEL - 14, y + 14);
            g.drawString(String.format(Locale.ROOT, "%.0f", RANGE[1]), LABEL + bar + 4, y + 14);
            g.drawString("undefined", LABEL + bar + 86, y + 14);
            g.drawString("neuron 0 .. " + (widest - 1) + " left to right", 8, y + 30);
        });
    }
}
