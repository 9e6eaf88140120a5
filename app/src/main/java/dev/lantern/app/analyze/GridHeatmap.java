package dev.lantern.app.analyze;

import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.Tile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A value per cell of a grid map drawn as a heatmap image for the report: walls dark, cells without a value light
 * grey, the map's own symbols (start, goal, keys, ...) printed small in each cell, a colour bar with its range, and a
 * title. Two scales: {@link Scale#SEQUENTIAL} spans the values' range, {@link Scale#DIVERGING} is symmetric about 0
 * (blue positive, red negative), for attributions and errors.
 */
public final class GridHeatmap {

    /** How values map to colours. */
    public enum Scale {
        /** Low to high over the values' range (red, yellow, blue). */
        SEQUENTIAL,
        /** Symmetric about zero: red negative, white zero, blue positive. */
        DIVERGING
    }

    private static final Color[] SEQUENTIAL_STOPS = {
        new Color(0xd73027), new Color(0xfc8d59), new Color(0xfee090), new Color(0x91bfdb), new Color(0x4575b4)
    };
    private static final Color[] DIVERGING_STOPS = {
        new Color(0xb2182b), new Color(0xef8a62), new Color(0xf7f7f7), new Color(0x67a9cf), new Color(0x2166ac)
    };
    private static final Color WALL = new Color(0x3a3a3a);
    private static final Color NO_VALUE = new Color(0xd9d9d9);
    private static final int BAR = 18;

    private GridHeatmap() {
    }

    /**
     * Draws {@code values} ({@code map.height() * map.width()}, row-major; NaN where a cell has no value) over
     * {@code map}.
     *
     * @param cell pixels per cell (at least 8)
     * @throws IllegalArgumentException if the values do not match the map or the cell size is too small
     */
    public static BufferedImage render(GridMap map, double[] values, String title, Scale scale, int cell) {
        int h = map.height();
        int w = map.width();
        if (values.length != h * w) {
            throw new IllegalArgumentException("need " + h + " x " + w + " = " + h * w + " values, got "
                    + values.length);
        }
        if (cell < 8) {
            throw new IllegalArgumentException("cell size " + cell + " px: need at least 8");
        }
        double[] range = range(values, scale);
        int titleHeight = 28;
        int legend = 70;
        int width = Math.max(w * cell + BAR + legend + 24, 320);
        int height = titleHeight + h * cell + 16;
        return FigureCanvas.draw(width, height, title, g -> {
            int x0 = 8;
            int y0 = titleHeight;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, cell / 3)));
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    Tile tile = map.tile(r, c);
                    double v = values[r * w + c];
                    g.setColor(tile == Tile.WALL ? WALL : Double.isFinite(v) ? color(v, range, scale) : NO_VALUE);
                    g.fillRect(x0 + c * cell, y0 + r * cell, cell, cell);
                    char symbol = map.symbol(r, c);
                    if (tile != Tile.WALL && symbol != '.' && symbol != ' ') {
                        g.setColor(Color.BLACK);
                        g.drawString(String.valueOf(symbol), x0 + c * cell + 3, y0 + r * cell + cell / 3 + 4);
                    }
                }
            }
            g.setColor(new Color(0x9a9a9a));
            g.setStroke(new BasicStroke(0.5f));
            for (int r = 0; r <= h; r++) {
                g.drawLine(x0, y0 + r * cell, x0 + w * cell, y0 + r * cell);
            }
            for (int c = 0; c <= w; c++) {
                g.drawLine(x0 + c * cell, y0, x0 + c * cell, y0 + h * cell);
            }
            colourBar(g, x0 + w * cell + 12, y0, h * cell, range, scale);
        });
    }

    private static void colourBar(Graphics2D g, int x, int y, int height, double[] range, Scale scale) {
        for (int i = 0; i < height; i++) {
            double t = 1 - i / (double) Math.max(1, height - 1);
            g.setColor(at(t, scale == Scale.DIVERGING ? DIVERGING_STOPS : SEQUENTIAL_STOPS));
            g.fillRect(x, y + i, BAR, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, y, BAR, height - 1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(label(range[1]), x + BAR + 4, y + fm.getAscent());
        g.drawString(label(range[0]), x + BAR + 4, y + height - 2);
        if (scale == Scale.DIVERGING) {
            g.drawString("0", x + BAR + 4, y + height / 2 + fm.getAscent() / 2);
        }
    }

    private static String label(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** {min, max} of the finite values, symmetric about 0 for a diverging scale; {0, 1} when there are none. */
    static double[] range(double[] values, Scale scale) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (scale == Scale.DIVERGING) {
            double m = Math.max(Math.abs(lo), Math.abs(hi));
            return m > 0 ? new double[] {-m, m} : new double[] {-1, 1};
        }
        return hi > lo ? new double[] {lo, hi} : new double[] {lo - 0.5, hi + 0.5};
    }

    /** The colour of {@code v} within {@code range}. */
    public static Color color(double v, double[] range, Scale scale) {
        double t = (v - range[0]) / (range[1] - range[0]);
        return at(t, scale == Scale.DIVERGING ? DIVERGING_STOPS : SEQUENTIAL_STOPS);
    }

    private static Color at(double t, Color[] stops) {
        double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min((int) Math.floor(x), stops.length - 2);
        double f = x - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
