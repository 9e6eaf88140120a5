package dev.lantern.app.lab;

import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.TextAlignment;

/** The tree view's legend, drawn on its canvas: what a node's colour (Q) and size (visits) mean. FX thread only. */
final class TreeLegend {

    private TreeLegend() {
    }

    /** The colour bar's gradient: {@link ColorScale}'s stops, left (low Q) to right (high Q). */
    static LinearGradient gradient() {
        Stop[] stops = new Stop[ColorScale.STOPS.length];
        for (int k = 0; k < stops.length; k++) {
            stops[k] = new Stop(k / (stops.length - 1.0), ColorScale.STOPS[k]);
        }
        return new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops);
    }

    /** Draws the legend at the top left: the Q colour bar of {@code scale} with its ends and 0, and what size means. */
    static void draw(GraphicsContext g, LinearGradient legend, ColorScale scale) {
        double x = 12;
        double y = 12;
        g.setFill(Color.rgb(255, 255, 255, 0.88));
        g.fillRect(x - 6, y - 4, 236, 62);
        g.setFill(Color.BLACK);
        g.fillText("Q of the move into the node (mover's view)", x, y + 9);
        g.setFill(legend);
        g.fillRect(x, y + 15, 200, 10);
        g.setFill(Color.BLACK);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(String.format(Locale.ROOT, "%+.2g", scale.min()), x, y + 38);
        g.fillText("0", x + 100, y + 38);
        g.fillText(String.format(Locale.ROOT, "%+.2g", scale.max()), x + 200, y + 38);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("size ∝ √visits, grey = unvisited, ⊥ = collapsed", x, y + 52);
    }
}
