package dev.lantern.app.lab;

import javafx.scene.canvas.GraphicsContext;

/** Something drawn over a {@link GridView}'s cells (an attribution map): called in grid coordinates on the FX thread. */
@FunctionalInterface
public interface GridOverlay {

    /**
     * Paints over the cells.
     *
     * @param g    the grid's graphics, translated so that cell (0, 0) starts at the origin
     * @param cell the side of a cell in pixels
     */
    void paint(GraphicsContext g, double cell);
}
