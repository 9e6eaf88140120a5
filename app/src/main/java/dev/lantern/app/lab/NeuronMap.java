package dev.lantern.app.lab;

import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.Tile;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * One neuron's "MRI": its activation in every cell of the map (the agent there, with the view's keys), each free cell
 * filled with {@link CircuitView#fill} on the scale of the neuron's largest |activation| over every state, walls
 * dark, cells without a state (goal, lava) pale. FX thread only.
 */
final class NeuronMap extends CanvasRegion {

    private static final double LEGEND = 18;
    private GridMap map;
    private double[] values;
    private double scale = 1;
    private Cell hovered;

    NeuronMap() {
        setMinSize(120, 120);
        setPrefSize(230, 230);
    }

    /**
     * Shows {@code perCell} ({@code [height * width]}, NaN where there is no state) on {@code m}.
     *
     * @param columnScale the largest |activation| of the neuron over every state
     */
    void show(GridMap m, double[] perCell, double columnScale, Cell hoveredCell) {
        map = m;
        values = perCell;
        scale = columnScale;
        hovered = hoveredCell;
        redraw();
    }

    /** The value drawn in cell (row, col), NaN where none (for tests). */
    double value(int row, int col) {
        return values == null ? Double.NaN : values[row * map.width() + col];
    }

    @Override
    protected void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(GridView.BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (map == null || values == null) {
            return;
        }
        double cell = Math.floor(Math.min(w / map.width(), (h - LEGEND) / map.height()));
        double ox = Math.floor((w - cell * map.width()) / 2);
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                Tile t = map.tile(r, c);
                double v = values[r * map.width() + c];
                g.setFill(t == Tile.WALL ? GridView.WALL : Double.isNaN(v) ? GridView.NO_VALUE
                        : CircuitView.fill(v, scale));
                g.fillRect(ox + c * cell, r * cell, cell, cell);
            }
        }
        if (hovered != null) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeRect(ox + hovered.col() * cell + 1, hovered.row() * cell + 1, cell - 2, cell - 2);
        }
        g.setFill(Color.web("#38424c"));
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format(Locale.ROOT, "%+.2f … 0 … %+.2f", -scale, scale), w / 2,
                map.height() * cell + 3);
    }
}
