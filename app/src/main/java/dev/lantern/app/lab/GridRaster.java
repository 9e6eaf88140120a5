package dev.lantern.app.lab;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The part of the grid's picture that changes with every frame, the cells' heat colours and the policy arrows (and the
 * thin lines between the cells), made as one image in Java and drawn with one {@code drawImage}: drawn as shapes, a frame's ~1,700 anti-aliased strokes and
 * polygons took JavaFX's software renderer about 10 ms (lantern bench lab), this about a tenth of that.
 *
 * <p>The arrows are those of {@link GridPainter#arrows}: per action a shaft from the cell's centre and a head, a light
 * halo under all four, a dot at the centre. They are stamped from coverage masks ({@link Sprite}) computed once per cell
 * size, direction and length (lengths rounded to a quarter pixel), each pixel's coverage from 8 x 8 samples; the cell
 * origins are whole pixels (the cell size is), so one mask fits every cell. FX thread only.
 */
final class GridRaster {

    private static final int SAMPLES = 8; // per pixel side
    private static final double LENGTH_STEP = 0.25; // pixels

    private final Map<Long, Sprite> sprites = new HashMap<>();
    private double spriteCell = -1;
    private Sprite dot;
    private WritableImage image; // over pixelBuffer: JavaFX reads the pixels where they are
    private PixelBuffer<IntBuffer> pixelBuffer;
    private int[] pixels = new int[0];
    private Color[] lastFills;
    private double[][] lastProbabilities;
    private int width;
    private int height;

    /**
     * A coverage mask relative to a cell's top-left corner.
     *
     * @param x0       leftmost pixel column, relative to the cell
     * @param y0       top pixel row, relative to the cell
     * @param w        width in pixels
     * @param h        height in pixels
     * @param coverage {@code [h * w]} row-major, in [0, 1]
     */
    record Sprite(int x0, int y0, int w, int h, float[] coverage) {
    }

    /**
     * Draws the {@code rows x cols} cells of side {@code cell} at the graphics' origin: cell (r, c) filled with
     * {@code fills[r * cols + c]}, and where {@code probabilities[r * cols + c]} is not null, its arrows (one
     * probability per action, in the actions' order: up, down, right, left), those under
     * {@link GridView#MIN_ARROW_PROBABILITY} left out.
     */
    void paint(GraphicsContext g, int rows, int cols, int cell, Color[] fills, double[][] probabilities) {
        boolean same = image != null && cell == spriteCell && rows * cell + 1 == height && cols * cell + 1 == width
                && Arrays.equals(fills, lastFills) && Arrays.deepEquals(probabilities, lastProbabilities);
        if (!same) { // else only the rest of the picture changed (the demo agent moved, the hovered cell)
            if (!compose(rows, cols, cell, fills, probabilities)) {
                return;
            }
            lastFills = fills.clone();
            lastProbabilities = probabilities.clone(); // the rows are the caller's new arrays each time
            if (pixelBuffer == null || pixelBuffer.getWidth() != width || pixelBuffer.getHeight() != height) {
                pixelBuffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels),
                        PixelFormat.getIntArgbPreInstance());
                image = new WritableImage(pixelBuffer);
            } else {
                pixelBuffer.updateBuffer(b -> null); // all of it changed
            }
        }
        g.drawImage(image, 0, 0);
    }

    /** What {@link #paint} draws, made in {@link #pixel}'s buffer; false if there is nothing to draw. */
    boolean compose(int rows, int cols, int cell, Color[] fills, double[][] probabilities) {
        int w = cols * cell;
        int h = rows * cell;
        if (w <= 0 || h <= 0) {
            return false;
        }
        prepare(w, h, cell);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                fillCell(c * cell, r * cell, cell, argb(fills[r * cols + c]));
            }
        }
        Arrays.fill(pixels, h * width, (h + 1) * width, argb(GridView.BACKGROUND));
        for (int y = 0; y < h; y++) {
            pixels[y * width + w] = argb(GridView.BACKGROUND);
        }
        int line = argb(GridView.GRID_LINE);
        for (int r = 0; r <= rows; r++) {
            for (int x = 0; x <= w; x++) {
                blend(x, r * cell, line, 1);
            }
        }
        for (int c = 0; c <= cols; c++) {
            for (int y = 0; y <= h; y++) {
                if (y % cell != 0) { // the crossings are blended once, by the rows
                    blend(c * cell, y, line, 1);
                }
            }
        }
        int halo = argb(GridView.ARROW_HALO);
        int arrow = argb(GridView.ARROW);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double[] p = probabilities[r * cols + c];
                if (p != null) {
                    arrows(c * cell, r * cell, cell, p, halo, arrow);
                }
            }
        }
        return true;
    }

    /** A pixel of the last {@link #compose}, ARGB, at (x, y) from the first cell's top-left corner. */
    int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    private void prepare(int w, int h, int cell) {
        if (width != w + 1 || height != h + 1) { // the last grid lines lie just outside the cells
            width = w + 1;
            height = h + 1;
            pixels = new int[width * height];
        }
        if (cell != spriteCell) {
            spriteCell = cell;
            sprites.clear();
            double radius = GridPainter.dotRadius(cell);
            double centre = cell / 2.0;
            dot = rasterize(cell, (x, y) -> (x - centre) * (x - centre) + (y - centre) * (y - centre) <= radius * radius,
                    centre - radius, centre - radius, centre + radius, centre + radius);
        }
    }

    private void fillCell(int x0, int y0, int cell, int color) {
        for (int y = y0; y < y0 + cell; y++) {
            Arrays.fill(pixels, y * width + x0, y * width + x0 + cell, color);
        }
    }

    private void arrows(int x0, int y0, int cell, double[] p, int halo, int arrow) {
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < p.length && a < 4; a++) {
                if (p[a] >= GridView.MIN_ARROW_PROBABILITY) {
                    long level = Math.round(GridView.arrowLength(p[a], cell) / LENGTH_STEP);
                    Sprite s = sprites.computeIfAbsent(level * 8 + a * 2 + pass,
                            k -> arrowSprite(cell, (int) (k & 7) >> 1, (int) (k & 1), (k >> 3) * LENGTH_STEP));
                    stamp(s, x0, y0, pass == 0 ? halo : arrow);
                }
            }
        }
        stamp(dot, x0, y0, arrow);
    }

    /** Blends {@code color} (ARGB, its alpha times the coverage) over the opaque pixels under {@code s}. */
    private void stamp(Sprite s, int x0, int y0, int color) {
        for (int j = 0; j < s.h(); j++) {
            int y = y0 + s.y0() + j;
            if (y < 0 || y >= height) {
                continue;
            }
            for (int i = 0; i < s.w(); i++) {
                int x = x0 + s.x0() + i;
                float cov = s.coverage()[j * s.w() + i];
                if (cov > 0 && x >= 0 && x < width) {
                    blend(x, y, color, cov);
                }
            }
        }
    }

    /**
     * Blends {@code color} (ARGB) with its alpha times {@code coverage} over the opaque pixel (x, y), in 8-bit fixed
     * point (the weight rounded to 1/256, each channel to the nearest level).
     */
    private void blend(int x, int y, int color, double coverage) {
        int k = (int) Math.round((color >>> 24) * coverage * 256 / 255);
        int at = y * width + x;
        int d = pixels[at];
        int r = (((color >> 16) & 0xff) * k + ((d >> 16) & 0xff) * (256 - k) + 128) >> 8;
        int g = (((color >> 8) & 0xff) * k + ((d >> 8) & 0xff) * (256 - k) + 128) >> 8;
        int b = ((color & 0xff) * k + (d & 0xff) * (256 - k) + 128) >> 8;
        pixels[at] = 0xff000000 | r << 16 | g << 8 | b;
    }

    /** Pass 0: the halo (2 pixels wider, the head 2 pixels further); pass 1: the arrow. As GridPainter draws them. */
    static Sprite arrowSprite(int cell, int direction, int pass, double length) {
        double centre = cell / 2.0;
        double shaft = GridPainter.shaftWidth(cell);
        double extra = pass == 0 ? GridPainter.HALO : 0;
        double head = GridPainter.headLength(length, cell);
        double halfShaft = (shaft + extra) / 2;
        double halfHead = GridPainter.headHalfWidth(head) + extra / 2;
        double reach = length + extra; // the tip, from the centre, along the direction
        double neck = length - head; // where the head's base is
        int dx = GridPainter.DC[direction];
        int dy = GridPainter.DR[direction];
        // in the arrow's own frame: u along the direction from the centre, v across it
        Inside inside = (x, y) -> {
            double u = (x - centre) * dx + (y - centre) * dy;
            double v = Math.abs((x - centre) * dy - (y - centre) * dx);
            boolean onShaft = u >= 0 && u <= neck && v <= halfShaft;
            boolean onHead = u >= neck && u <= reach && v <= halfHead * (reach - u) / (reach - neck);
            return onShaft || onHead && reach > neck;
        };
        double span = Math.max(halfShaft, halfHead);
        double ux0 = Math.min(0, reach * dx);
        double ux1 = Math.max(0, reach * dx);
        double uy0 = Math.min(0, reach * dy);
        double uy1 = Math.max(0, reach * dy);
        double spanX = dx == 0 ? span : 0;
        double spanY = dy == 0 ? span : 0;
        return rasterize(cell, inside, centre + ux0 - spanX, centre + uy0 - spanY, centre + ux1 + spanX,
                centre + uy1 + spanY);
    }

    /** Whether a point (cell coordinates, pixels) is inside a shape. */
    @FunctionalInterface
    interface Inside {
        boolean test(double x, double y);
    }

    /** The coverage of {@code inside} over the pixels that meet the box [x0, x1] x [y0, y1], 8 x 8 samples each. */
    static Sprite rasterize(int cell, Inside inside, double x0, double y0, double x1, double y1) {
        int px0 = (int) Math.floor(x0) - 1;
        int py0 = (int) Math.floor(y0) - 1;
        int w = (int) Math.ceil(x1) + 1 - px0;
        int h = (int) Math.ceil(y1) + 1 - py0;
        float[] coverage = new float[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int hits = 0;
                for (int sy = 0; sy < SAMPLES; sy++) {
                    for (int sx = 0; sx < SAMPLES; sx++) {
                        if (inside.test(px0 + i + (sx + 0.5) / SAMPLES, py0 + j + (sy + 0.5) / SAMPLES)) {
                            hits++;
                        }
                    }
                }
                coverage[j * w + i] = hits / (float) (SAMPLES * SAMPLES);
            }
        }
        return new Sprite(px0, py0, w, h, coverage);
    }

    /** A colour as opaque-composited ARGB: its channels and its alpha, 8 bits each. */
    static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
