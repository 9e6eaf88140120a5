package dev.lantern.app.analyze;

import dev.lantern.analysis.circuits.ProbeScore;
import dev.lantern.analysis.circuits.WhatWhenWhere;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The what-when-where heatmap of the report: one row per concept, one column per (layer, checkpoint), columns grouped
 * by layer, each group the random-initialisation control ({@code init}) then the checkpoints, oldest first. The colour
 * is the score above chance, {@code (score - chance) / (1 - chance)} clipped to [0, 1] (R^2 below 0 and balanced
 * accuracy below chance are 0), on the report's sequential scale; undefined cells light grey. Each cell prints its
 * score.
 */
final class ProbeHeatmap {

    private static final Color NO_VALUE = new Color(0xd9d9d9);
    private static final int CELL_W = 46;
    private static final int CELL_H = 26;

    private ProbeHeatmap() {
    }

    /** The score above chance, clipped to [0, 1]; NaN when undefined. */
    static double aboveChance(ProbeScore p) {
        if (!p.defined()) {
            return Double.NaN;
        }
        double t = p.chance() >= 1 ? 0 : (p.score() - p.chance()) / (1 - p.chance());
        return Math.max(0, Math.min(1, t));
    }

    /** Renders {@code www}. */
    static BufferedImage render(WhatWhenWhere www, String env) {
        int concepts = www.concepts().size();
        int sites = www.sites().size();
        int steps = www.steps().size();
        int left = 130;
        int top = 64;
        int gap = 10;
        int groupW = (steps + 1) * CELL_W;
        int width = Math.max(left + sites * (groupW + gap) + 16, 720);
        int height = top + concepts * CELL_H + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString("What-when-where on " + env + ": probe score per concept, layer and checkpoint", 8, 18);
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
            g.setFont(small);
            FontMetrics fm = g.getFontMetrics();
            for (int s = 0; s < sites; s++) {
                int x0 = left + s * (groupW + gap);
                g.setColor(Color.DARK_GRAY);
                g.drawString(www.sites().get(s), x0, top - 22);
                for (int t = 0; t <= steps; t++) { // column 0: the random-initialisation control
                    String label = t == 0 ? "init" : steps(www.steps().get(t - 1));
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(label, x0 + t * CELL_W + (CELL_W - fm.stringWidth(label)) / 2, top - 6);
                    for (int c = 0; c < concepts; c++) {
                        cell(g, fm, x0 + t * CELL_W, top + c * CELL_H, t == 0 ? www.randomInit(c, s)
                                : www.score(c, s, t - 1));
                    }
                }
            }
            g.setColor(Color.DARK_GRAY);
            for (int c = 0; c < concepts; c++) {
                g.drawString(www.concepts().get(c).name(), 8, top + c * CELL_H + CELL_H / 2 + fm.getAscent() / 2);
            }
            g.drawString("colour: (score - chance) / (1 - chance), clipped to [0, 1]; R^2 for quantities, balanced "
                    + "accuracy for classes; grey: undefined; init: the untrained network", 8, height - 14);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void cell(Graphics2D g, FontMetrics fm, int x, int y, ProbeScore p) {
        double t = aboveChance(p);
        g.setColor(Double.isNaN(t) ? NO_VALUE : GridHeatmap.color(t, new double[] {0, 1}, GridHeatmap.Scale.SEQUENTIAL));
        g.fillRect(x, y, CELL_W - 1, CELL_H - 1);
        String text = p.defined() ? String.format(Locale.ROOT, "%.2f", p.score()) : "-";
        g.setColor(Color.BLACK);
        g.drawString(text, x + (CELL_W - fm.stringWidth(text)) / 2, y + CELL_H / 2 + fm.getAscent() / 2 - 1);
    }

    private static String steps(long envSteps) {
        return envSteps >= 10_000 ? (envSteps / 1000) + "k" : Long.toString(envSteps);
    }
}
