package dev.lantern.app.lab;

import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The network part of the tree view's side panel ({@link NodePanel}): one heat strip per site (each neuron a cell on
 * the diverging scale, symmetric about 0 over the site's largest |activation|, printed beside it), then the
 * position's cells twice, coloured by the attribution of the value and of the move (green up, purple down, numbers in
 * the cells), with each attribution's completeness line below. FX thread only.
 */
final class CircuitStrip extends VBox {

    static final double W = 300;
    private static final double STRIP_H = 12;
    private static final double ROW_H = 30;
    private static final double MAP = 140;
    private final Canvas canvas = new Canvas(W, 10);
    private final Label text = new Label();
    private PositionCircuit shown;

    CircuitStrip() {
        setSpacing(4);
        text.setFont(Font.font("Monospaced", 11));
        text.setWrapText(true);
        text.setMaxWidth(W);
        getChildren().addAll(canvas, text);
    }

    /** The circuit drawn now, or null. */
    PositionCircuit shown() {
        return shown;
    }

    /** The printed lines (for tests). */
    String text() {
        return text.getText();
    }

    /** Shows that there is no network circuit, and why. */
    void none(String why) {
        shown = null;
        canvas.setHeight(1);
        canvas.getGraphicsContext2D().clearRect(0, 0, W, 1);
        text.setText("network circuit: " + why);
    }

    /** Draws {@code c}. */
    void show(PositionCircuit c) {
        shown = c;
        double mapH = MAP * c.rows() / (double) Math.max(c.rows(), c.cols());
        double h = 16 + c.sites().size() * ROW_H + 20 + mapH + 6;
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, W, h);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 11));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("network at this position: activations per site", 0, 11);
        g.setFont(Font.font(11));
        double y = 16;
        for (PositionCircuit.SiteRow row : c.sites()) {
            double[] a = row.activations();
            double max = row.maxAbs();
            g.setFill(Color.BLACK);
            g.fillText(String.format(Locale.ROOT, "%s  (%d, max |a| %.3f)", row.site(), a.length, max), 0, y + 11);
            double cw = W / a.length;
            double span = a.length == 1 ? Math.max(1, max) : Math.max(max, 1e-12); // one neuron: against +-1
            ColorScale scale = new ColorScale(-span, span);
            for (int j = 0; j < a.length; j++) {
                g.setFill(scale.color(a[j]));
                g.fillRect(j * cw, y + 14, Math.max(1, cw - (cw > 3 ? 0.5 : 0)), STRIP_H);
            }
            y += ROW_H;
        }
        y += 4;
        map(g, c.value(), c, 0, y, mapH);
        map(g, c.move(), c, W / 2 + 5, y, mapH);
        StringBuilder s = new StringBuilder();
        if (c.value() != null) {
            s.append("integrated gradients from ").append(c.value().baseline()).append(", ")
                    .append("64 steps:\n").append(c.value().describe());
        }
        if (c.move() != null) {
            s.append("\n").append(c.move().describe());
        } else {
            s.append("\nno move to attribute (a leaf)");
        }
        text.setText(s.toString());
    }

    private static void map(GraphicsContext g, PositionCircuit.CellScores scores, PositionCircuit c, double x0,
            double y0, double mapH) {
        g.setFill(Color.BLACK);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(11));
        if (scores == null) {
            return;
        }
        g.fillText("IG of " + scores.target(), x0, y0 + 11);
        double top = y0 + 16;
        double[] cells = scores.perCell();
        if (cells == null) {
            g.fillText("(no cells)", x0, top + 14);
            return;
        }
        double side = Math.min(MAP / c.cols(), mapH / c.rows());
        double max = 0;
        for (double v : cells) {
            max = Math.max(max, Math.abs(v));
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(Font.font(Math.max(7, Math.min(12, side / 3.2))));
        for (int r = 0; r < c.rows(); r++) {
            for (int k = 0; k < c.cols(); k++) {
                double v = cells[r * c.cols() + k];
                double t = max == 0 ? 0 : Math.abs(v) / max;
                Color base = v >= 0 ? AttributionOverlay.UP : AttributionOverlay.DOWN;
                g.setFill(Color.WHITE.interpolate(Color.color(base.getRed(), base.getGreen(), base.getBlue()), t));
                g.fillRect(x0 + k * side, top + r * side, side, side);
                g.setStroke(Color.LIGHTGRAY);
                g.strokeRect(x0 + k * side, top + r * side, side, side);
                if (side >= 22) {
                    g.setFill(t > 0.6 ? Color.WHITE : Color.BLACK);
                    g.fillText(String.format(Locale.ROOT, "%+.2f", v), x0 + (k + 0.5) * side,
                            top + (r + 0.5) * side + 4);
                }
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
    }
}
