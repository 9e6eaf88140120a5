package dev.lantern.app.lab;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * One neuron's cumulative loss change allocation against environment steps, as a small line with its zero line and
 * the latest value (below zero: its updates lowered the probe loss so far), or a message (a run without LCA says so).
 * FX thread only.
 */
final class LcaSparkline extends CanvasRegion {

    private long[] steps = new long[0];
    private double[] values = new double[0];
    private String message = "";

    LcaSparkline() {
        setMinHeight(60);
        setPrefSize(300, 70);
    }

    /** Shows the series ({@code steps[i]}, {@code series[i]}). */
    void show(long[] envSteps, double[] series) {
        steps = envSteps;
        values = series;
        message = series.length == 0 ? "no iteration has ended yet" : "";
        redraw();
    }

    /** Shows {@code text} instead of a series. */
    void showMessage(String text) {
        values = new double[0];
        message = text;
        redraw();
    }

    /** The message shown (empty when a series is drawn). */
    String message() {
        return message;
    }

    /** Points drawn. */
    int points() {
        return values.length;
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared(Color.WHITE);
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setTextBaseline(VPos.TOP);
        g.setFill(Color.web("#38424c"));
        if (values.length == 0) {
            g.fillText(message, 4, 4);
            return;
        }
        double lo = 0;
        double hi = 0;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = Math.max(hi - lo, 1e-12);
        double top = 18;
        double bottom = h - 4;
        double x0 = steps[0];
        double x1 = Math.max(steps[steps.length - 1], x0 + 1);
        g.setStroke(Color.web("#b0b8c1"));
        g.setLineWidth(1);
        double zero = bottom - (0 - lo) / span * (bottom - top);
        g.strokeLine(0, zero, w, zero);
        g.setStroke(Color.web("#2f6fb3"));
        g.setLineWidth(1.6);
        for (int i = 1; i < values.length; i++) {
            g.strokeLine((steps[i - 1] - x0) / (x1 - x0) * (w - 8) + 4,
                    bottom - (values[i - 1] - lo) / span * (bottom - top),
                    (steps[i] - x0) / (x1 - x0) * (w - 8) + 4, bottom - (values[i] - lo) / span * (bottom - top));
        }
        double last = values[values.length - 1];
        g.fillText(String.format(Locale.ROOT, "cumulative LCA %+.3g at %,d steps (%s)", last, steps[steps.length - 1],
                last < 0 ? "it helped" : last > 0 ? "it hurt" : "no effect"), 4, 2);
    }
}
