package dev.lantern.app.dynamics;

import dev.lantern.analysis.dynamics.CkaMatrix;
import dev.lantern.analysis.dynamics.CkaValue;
import dev.lantern.app.analyze.FigureCanvas;
import dev.lantern.app.analyze.GridHeatmap;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * CKA matrices drawn as heatmaps: panels in a grid (one per matrix: a site's checkpoint x checkpoint matrix, or one
 * run's sites against another's), each with its title, labelled rows and columns and both axis names, on one fixed
 * sequential scale from 0 (red, unlike) to 1 (blue, alike) with its colour bar; values below 0 (debiased CKA of
 * unrelated representations) take the colour of 0, undefined cells are grey. Cells large enough carry their value.
 */
final class CkaHeatmap {

    private static final double[] RANGE = {0, 1};
    private static final Color NO_VALUE = new Color(0xd9d9d9);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font PANEL = new Font(Font.SANS_SERIF, Font.BOLD, 11);

    /**
     * One panel.
     *
     * @param title   the panel's title (the site and the estimator)
     * @param matrix  the values
     * @param estimator which of the matrix's values to draw
     * @param rows    the row labels, top to bottom
     * @param cols    the column labels, left to right
     * @param rowAxis what the rows are
     * @param colAxis what the columns are
     */
    record Panel(String title, CkaMatrix matrix, Estimator estimator, List<String> rows, List<String> cols,
            String rowAxis, String colAxis) {
    }

    /** Which estimator a panel draws. */
    enum Estimator {
        /** Linear CKA. */
        LINEAR(CkaMatrix::linear),
        /** Debiased CKA. */
        DEBIASED(CkaMatrix::debiased);

        private final Cell cell;

        Estimator(Cell cell) {
            this.cell = cell;
        }

        CkaValue at(CkaMatrix m, int i, int j) {
            return cell.at(m, i, j);
        }
    }

    @FunctionalInterface
    private interface Cell {
        CkaValue at(CkaMatrix m, int i, int j);
    }

    private CkaHeatmap() {
    }

    /** Draws {@code panels}, {@code columns} a row, under {@code title}. */
    static BufferedImage render(String title, List<Panel> panels, int columns) {
        int most = panels.stream().mapToInt(p -> Math.max(p.rows().size(), p.cols().size())).max().orElse(1);
        int cell = Math.max(10, Math.min(44, 330 / most));
        int rowLabel = 8 + panels.stream().flatMap(p -> p.rows().stream()).mapToInt(CkaHeatmap::textWidth).max()
                .orElse(20);
        int colLabel = 8 + panels.stream().flatMap(p -> p.cols().stream()).mapToInt(CkaHeatmap::textWidth).max()
                .orElse(20);
        int maxRows = panels.stream().mapToInt(p -> p.rows().size()).max().orElse(1);
        int maxCols = panels.stream().mapToInt(p -> p.cols().size()).max().orElse(1);
        int panelW = 20 + rowLabel + maxCols * cell + 24;
        int panelH = 22 + maxRows * cell + colLabel + 20;
        int cols = Math.min(columns, panels.size());
        int gridRows = (panels.size() + cols - 1) / cols;
        int top = 32;
        int bar = 90;
        int width = cols * panelW + bar;
        int height = Math.max(top + gridRows * panelH + 24, top + 260);
        return FigureCanvas.draw(width, height, title, g -> {
            for (int p = 0; p < panels.size(); p++) {
                panel(g, panels.get(p), (p % cols) * panelW, top + (p / cols) * panelH, cell, rowLabel);
            }
            colourBar(g, cols * panelW + 16, top + 22, 200);
            g.setFont(SMALL);
            g.setColor(Color.DARK_GRAY);
            g.drawString("linear and debiased CKA over every state; 0 red (unlike) .. 1 blue (alike); debiased below 0 "
                    + "drawn as 0; grey: undefined (a site with zero variance)", 8, height - 8);
        });
    }

    private static void panel(Graphics2D g, Panel p, int x0, int y0, int cell, int rowLabel) {
        g.setFont(PANEL);
        g.setColor(Color.DARK_GRAY);
        g.drawString(p.title(), x0 + 8, y0 + 14);
        int gx = x0 + 20 + rowLabel;
        int gy = y0 + 22;
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < p.rows().size(); i++) {
            for (int j = 0; j < p.cols().size(); j++) {
                CkaValue v = p.estimator().at(p.matrix(), i, j);
                g.setColor(v.defined() ? GridHeatmap.color(Math.max(0, Math.min(1, v.value())), RANGE,
                        GridHeatmap.Scale.SEQUENTIAL) : NO_VALUE);
                g.fillRect(gx + j * cell, gy + i * cell, cell - 1, cell - 1);
                if (cell >= 30) {
                    String text = v.defined() ? String.format(Locale.ROOT, "%.2f", v.value()) : "-";
                    g.setColor(Color.BLACK);
                    g.drawString(text, gx + j * cell + (cell - 1 - fm.stringWidth(text)) / 2,
                            gy + i * cell + (cell + fm.getAscent()) / 2 - 2);
                }
            }
            g.setColor(Color.DARK_GRAY);
            String label = p.rows().get(i);
            g.drawString(label, gx - 4 - fm.stringWidth(label), gy + i * cell + (cell + fm.getAscent()) / 2 - 2);
        }
        int below = gy + p.rows().size() * cell + 4;
        int longest = 0;
        for (int j = 0; j < p.cols().size(); j++) {
            String label = p.cols().get(j);
            longest = Math.max(longest, fm.stringWidth(label));
            vertical(g, label, gx + j * cell + (cell + fm.getAscent()) / 2 - 2, below);
        }
        g.setFont(PANEL);
        FontMetrics pm = g.getFontMetrics();
        g.drawString(p.colAxis(), gx + (p.cols().size() * cell - pm.stringWidth(p.colAxis())) / 2,
                below + longest + 16);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x0 + 14, gy + p.rows().size() * cell / 2.0 + pm.stringWidth(p.rowAxis()) / 2.0);
        g.drawString(p.rowAxis(), x0 + 14, (int) (gy + p.rows().size() * cell / 2.0 + pm.stringWidth(p.rowAxis())
                / 2.0));
        g.setTransform(saved);
    }

    /** Draws {@code text} reading downwards, its left edge at {@code x}, starting at {@code y}. */
    private static void vertical(Graphics2D g, String text, int x, int y) {
        AffineTransform saved = g.getTransform();
        g.rotate(Math.PI / 2, x, y);
        g.drawString(text, x, y);
        g.setTransform(saved);
    }

    private static void colourBar(Graphics2D g, int x, int y, int height) {
        for (int i = 0; i < height; i++) {
            g.setColor(GridHeatmap.color(1 - i / (double) (height - 1), RANGE, GridHeatmap.Scale.SEQUENTIAL));
            g.fillRect(x, y + i, 16, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, y, 16, height - 1);
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        g.drawString("1", x + 20, y + fm.getAscent());
        g.drawString("0.5", x + 20, y + height / 2 + fm.getAscent() / 2);
        g.drawString("0", x + 20, y + height - 2);
        g.drawString("CKA", x, y - 6);
        g.setColor(NO_VALUE);
        g.fillRect(x, y + height + 12, 16, 12);
        g.setColor(Color.DARK_GRAY);
        g.drawString("undef.", x + 20, y + height + 22);
    }

    private static int textWidth(String text) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(PANEL).stringWidth(text);
        } finally {
            g.dispose();
        }
    }
}
