package dev.lantern.app.lab;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.scene.layout.Region;

/**
 * A region that is one canvas filling it (inside its insets), redrawn whenever its size changes: the base of the grid
 * view and of the circuit panel's views. FX thread only.
 */
abstract class CanvasRegion extends Region {

    /** The canvas drawn on. */
    protected final Canvas canvas = new Canvas();

    CanvasRegion() {
        getChildren().add(canvas);
    }

    /**
     * The canvas's graphics, the whole canvas filled with {@code background}, the panels' 11-point font, text aligned
     * left: where every redraw starts.
     */
    protected final GraphicsContext cleared(Paint background) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        return g;
    }

    /** Draws everything again on {@link #canvas}. */
    protected abstract void redraw();

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            redraw();
        }
    }
}
