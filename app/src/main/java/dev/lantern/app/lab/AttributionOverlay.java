package dev.lantern.app.lab;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws per-cell attributions over the grid: in each cell a square whose area is proportional to |attribution| (the
 * largest fills 70% of the cell's side), green where the cell pushes the output up, purple where it pulls it down.
 */
final class AttributionOverlay implements GridOverlay {

    static final Color UP = Color.web("#1b7837", 0.8);
    static final Color DOWN = Color.web("#762a83", 0.8);
    private final double[] perCell;
    private final int width;
    private final double max;

    /** @param values {@code [height * width]} row-major */
    AttributionOverlay(double[] values, int gridWidth) {
        perCell = values.clone();
        width = gridWidth;
        double m = 0;
        for (double v : perCell) {
            m = Math.max(m, Math.abs(v));
        }
        max = m;
    }

    /** The side of the square drawn for {@code value} in a cell of side {@code cell}. */
    double side(double value, double cell) {
        return max == 0 ? 0 : 0.7 * cell * Math.sqrt(Math.abs(value) / max);
    }

    @Override
    public void paint(GraphicsContext g, double cell) {
        for (int i = 0; i < perCell.length; i++) {
            double s = side(perCell[i], cell);
            if (s < 1) {
                continue;
            }
            double x = (i % width) * cell + (cell - s) / 2;
            double y = (i / width) * cell + (cell - s) / 2;
            g.setFill(perCell[i] >= 0 ? UP : DOWN);
            g.fillRect(x, y, s, s);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1);
            g.strokeRect(x, y, s, s);
        }
    }
}
