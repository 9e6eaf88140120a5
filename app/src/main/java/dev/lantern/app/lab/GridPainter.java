package dev.lantern.app.lab;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.Tile;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the pieces of a {@link GridView} picture in grid coordinates (cell (0, 0) at the origin, {@code cell} pixels
 * a side): tiles, grid lines, policy arrows, the demo agent and its trail, the hovered cell; and the legend. Colours
 * are {@link GridView}'s constants. FX thread only.
 */
final class GridPainter {

    /** Row and column steps of the actions 0 up, 1 down, 2 right, 3 left. */
    static final int[] DR = {-1, 1, 0, 0};
    static final int[] DC = {0, 0, 1, -1};
    /** How much wider the halo under an arrow is, and how much further its head reaches, in pixels. */
    static final double HALO = 2;

    /** The width of an arrow's shaft in cells of side {@code cell}. */
    static double shaftWidth(double cell) {
        return Math.max(1.5, cell * 0.045);
    }

    /** The length of the head of an arrow {@code length} long. */
    static double headLength(double length, double cell) {
        return Math.min(length * 0.5, cell * 0.15);
    }

    /** Half the width of the base of a head {@code head} long. */
    static double headHalfWidth(double head) {
        return head * 0.65;
    }

    /** The radius of the dot at a cell's centre. */
    static double dotRadius(double cell) {
        return Math.max(2, cell * 0.05);
    }

    private final GraphicsContext g;
    private final double cell;

    GridPainter(GraphicsContext g, double cell) {
        this.g = g;
        this.cell = cell;
    }

    /**
     * Fills a cell (unless {@code fill} is null: filled already) and marks goal, lava, a key still lying there, a door,
     * or an extended tile's letter.
     */
    void tile(Tile tile, int r, int c, Color fill, boolean keyLying) {
        double x = c * cell;
        double y = r * cell;
        if (fill != null) {
            g.setFill(fill);
            g.fillRect(x, y, cell, cell);
        }
        if (tile == Tile.GOAL || tile == Tile.LAVA) {
            g.setFill(Color.WHITE);
            g.setFont(Font.font(null, FontWeight.BOLD, cell * 0.42));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(tile == Tile.GOAL ? "G" : "L", x + cell / 2, y + cell / 2);
        } else if (keyLying) {
            g.setStroke(GridView.KEY);
            g.setLineWidth(Math.max(2, cell * 0.07));
            g.strokeOval(x + cell * 0.12, y + cell * 0.12, cell * 0.22, cell * 0.22);
            g.strokeLine(x + cell * 0.3, y + cell * 0.3, x + cell * 0.5, y + cell * 0.5);
        } else if (tile == Tile.DOOR) {
            g.setStroke(GridView.DOOR);
            g.setLineWidth(Math.max(2, cell * 0.1));
            double inset = cell * 0.08;
            g.strokeRect(x + inset, y + inset, cell - 2 * inset, cell - 2 * inset);
        } else if (tile != Tile.FLOOR && tile != Tile.WALL && tile != Tile.KEY) {
            // The extended tiles (ice, coin, whisky, interruption, button, watched, trigger, tomato, bucket): their
            // map letter in the top-left corner, small enough to leave the arrows readable (docs/maps.md).
            g.setFill(Color.rgb(20, 20, 20, 0.75));
            g.setFont(Font.font(null, FontWeight.BOLD, cell * 0.24));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(String.valueOf(tile.symbol()), x + cell * 0.06, y + cell * 0.04);
        }
    }

    /** Thin lines between the cells of a {@code height x width} grid. */
    void gridLines(int height, int width) {
        g.setStroke(GridView.GRID_LINE);
        g.setLineWidth(1);
        for (int r = 0; r <= height; r++) {
            g.strokeLine(0, r * cell + 0.5, width * cell, r * cell + 0.5);
        }
        for (int c = 0; c <= width; c++) {
            g.strokeLine(c * cell + 0.5, 0, c * cell + 0.5, height * cell);
        }
    }

    /**
     * Four arrows from the cell's centre, one per action (0 up, 1 down, 2 right, 3 left), each
     * {@link GridView#arrowLength(double, double)} long; a light halo keeps them readable on every heat colour.
     */
    void arrows(int r, int c, double[] probabilities) {
        double cx = c * cell + cell / 2;
        double cy = r * cell + cell / 2;
        double shaft = shaftWidth(cell);
        g.setLineCap(StrokeLineCap.BUTT);
        for (int pass = 0; pass < 2; pass++) {
            Color color = pass == 0 ? GridView.ARROW_HALO : GridView.ARROW;
            double extra = pass == 0 ? HALO : 0;
            g.setStroke(color);
            g.setFill(color);
            g.setLineWidth(shaft + extra);
            for (int a = 0; a < probabilities.length; a++) {
                double p = probabilities[a];
                if (!(p >= GridView.MIN_ARROW_PROBABILITY)) {
                    continue;
                }
                double len = GridView.arrowLength(p, cell);
                double head = headLength(len, cell);
                double tipX = cx + DC[a] * len;
                double tipY = cy + DR[a] * len;
                double baseX = tipX - DC[a] * head;
                double baseY = tipY - DR[a] * head;
                g.strokeLine(cx, cy, baseX, baseY);
                double half = headHalfWidth(head) + extra / 2;
                double px = -DR[a];
                double py = DC[a];
                double tx = tipX + DC[a] * extra;
                double ty = tipY + DR[a] * extra;
                g.fillPolygon(new double[] {tx, baseX + px * half, baseX - px * half},
                        new double[] {ty, baseY + py * half, baseY - py * half}, 3);
            }
        }
        g.setFill(GridView.ARROW);
        double dot = dotRadius(cell);
        g.fillOval(cx - dot, cy - dot, 2 * dot, 2 * dot);
    }

    /** The demo agent (a disc, with a golden centre while it holds a key) and the path of its episode so far. */
    void agent(GridState s, List<Cell> trail) {
        g.setStroke(GridView.AGENT.deriveColor(0, 1, 1, 0.45));
        g.setLineWidth(Math.max(2, cell * 0.08));
        g.setLineCap(StrokeLineCap.ROUND);
        for (int i = 1; i < trail.size(); i++) {
            Cell a = trail.get(i - 1);
            Cell b = trail.get(i);
            g.strokeLine(a.col() * cell + cell / 2, a.row() * cell + cell / 2, b.col() * cell + cell / 2,
                    b.row() * cell + cell / 2);
        }
        double radius = cell * 0.27;
        double cx = s.col() * cell + cell / 2;
        double cy = s.row() * cell + cell / 2;
        g.setFill(GridView.AGENT);
        g.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
        g.setStroke(Color.WHITE);
        g.setLineWidth(Math.max(1.5, cell * 0.04));
        g.strokeOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
        if (s.holdsKey()) {
            g.setFill(GridView.KEY);
            double k = radius * 0.45;
            g.fillOval(cx - k, cy - k, 2 * k, 2 * k);
        }
    }

    /** Outlines the hovered cell. */
    void highlight(Cell c) {
        g.setStroke(Color.BLACK);
        g.setLineWidth(2.5);
        g.strokeRect(c.col() * cell + 1.5, c.row() * cell + 1.5, cell - 2, cell - 2);
    }

    /** A centred grey message on an empty view. */
    static void placeholder(GraphicsContext g, double w, double h, String text) {
        g.setFill(Color.GRAY);
        g.setFont(Font.font(14));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, w / 2, h / 2);
    }

    /** The colour bar with its title and range, in the bottom {@link GridView#LEGEND_HEIGHT} pixels. */
    static void legend(GraphicsContext g, double w, double h, ColorScale scale, String title) {
        legend(g, w, h, scale, title, null);
    }

    /** The legend with a second line under its title ({@code note}, null for none), e.g. the mean |error|. */
    static void legend(GraphicsContext g, double w, double h, ColorScale scale, String title, String note) {
        double top = h - GridView.LEGEND_HEIGHT + 8;
        double barW = Math.min(260, w * 0.45);
        double left = (w - barW) / 2 + 40;
        g.setFont(Font.font(12));
        g.setFill(Color.web("#333333"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(title, left - 10, top + 7);
        if (note != null) {
            g.setFont(Font.font(11));
            g.fillText(note, left - 10, top + 24);
            g.setFont(Font.font(12));
        }
        Stop[] stops = new Stop[ColorScale.STOPS.length];
        for (int i = 0; i < stops.length; i++) {
            stops[i] = new Stop((double) i / (stops.length - 1), ColorScale.STOPS[i]);
        }
        g.setFill(new LinearGradient(left, 0, left + barW, 0, false, CycleMethod.NO_CYCLE, stops));
        g.fillRect(left, top, barW, 14);
        g.setStroke(Color.web("#888888"));
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, barW - 1, 13);
        g.setFill(Color.web("#333333"));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(String.format(Locale.ROOT, "min %.3f", scale.min()), left, top + 18);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "max %.3f", scale.max()), left + barW, top + 18);
    }
}
