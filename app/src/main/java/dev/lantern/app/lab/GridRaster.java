package dev.lantern.app.lab;

import java.util.Arrays;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/**
 * The grid's picture, cells, heat colours, policy arrows, the thin lines between the cells and a {@link Decal} over
 * them (the tiles' marks, an overlay), made as one opaque image in Java that the grid shows in an image view: drawn as
 * shapes, a frame's ~1,700 anti-aliased strokes and polygons took JavaFX's software renderer about 10 ms (lantern bench
 * lab); one image is one copy, and the view's other layers are drawn only when they change.
 *
 * <p>The arrows are those of {@link GridPainter#arrows}: per action a shaft from the cell's centre and a head, a light
 * halo under all four, a dot at the centre. They are stamped from coverage masks ({@link Sprite}) computed once per cell
 * size, direction and length (lengths rounded to a quarter pixel), each pixel's coverage from 8 x 8 samples; the cell
 * origins are whole pixels (the cell size is), so one mask fits every cell. FX thread only.
 */
final class GridRaster {

    private static final int SAMPLES = 8; // per pixel side
    private static final double LENGTH_STEP = 0.25; // pixels
    private static final int HALO_ALPHA = argb(GridView.ARROW_HALO) >>> 24;
    private static final int ARROW_ALPHA = argb(GridView.ARROW) >>> 24;

    private Sprite[] sprites = new Sprite[0]; // [level * 8 + action * 2 + pass], made when first needed
    private double spriteCell = -1;
    private Sprite dot;
    private final PixelFrames frames = new PixelFrames(); // JavaFX reads the pixels where they are
    private int[] pixels = new int[0]; // the frame composed last
    private Color[] lastFills;
    private double[][] lastProbabilities;
    private Decal lastDecal;
    private int width;
    private int height;

    /**
     * A coverage mask relative to a cell's top-left corner, with each covered pixel's blending weight for the colour of
     * its pass (out of 256: {@link #blend}'s rounding, done once).
     *
     * @param x0       leftmost pixel column, relative to the cell
     * @param y0       top pixel row, relative to the cell
     * @param w        width in pixels
     * @param h        height in pixels
     * @param coverage {@code [h * w]} row-major, in [0, 1]
     * @param xs       the covered pixels' columns, relative to the cell
     * @param ys       their rows
     * @param weights  their weights, for the colour's alpha the sprite was made for
     */
    record Sprite(int x0, int y0, int w, int h, float[] coverage, int[] xs, int[] ys, int[] weights) {

        /** The mask with the weights of a colour of alpha {@code alpha} (0..255). */
        Sprite weighted(int alpha) {
            int n = 0;
            for (float c : coverage) {
                n += c > 0 ? 1 : 0;
            }
            int[] x = new int[n];
            int[] y = new int[n];
            int[] k = new int[n];
            int at = 0;
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    float c = coverage[j * w + i];
                    if (c > 0) {
                        x[at] = x0 + i;
                        y[at] = y0 + j;
                        k[at++] = weight(alpha, c);
                    }
                }
            }
            return new Sprite(x0, y0, w, h, coverage, x, y, k);
        }
    }

    /**
     * Pixels drawn over the cells after the arrows, premultiplied ARGB, at positions of a {@code (cols * cell + 1) x
     * (rows * cell + 1)} raster (row-major index): the tiles' marks and an overlay, rendered elsewhere as often as they
     * change and composited here at every frame.
     *
     * @param width  the raster width the positions are for
     * @param at     the pixels' indices, increasing
     * @param argbPre their colours (premultiplied, alpha > 0)
     */
    record Decal(int width, int[] at, int[] argbPre) {

        /** No pixels. */
        static final Decal NONE = new Decal(0, new int[0], new int[0]);

        /** The pixels of {@code argbPre} ({@code w x h}, premultiplied ARGB) that are not fully transparent. */
        static Decal of(int[] argbPre, int w, int h) {
            int n = 0;
            for (int i = 0; i < w * h; i++) {
                n += argbPre[i] >>> 24 != 0 ? 1 : 0;
            }
            int[] at = new int[n];
            int[] c = new int[n];
            int k = 0;
            for (int i = 0; i < w * h; i++) {
                if (argbPre[i] >>> 24 != 0) {
                    at[k] = i;
                    c[k++] = argbPre[i];
                }
            }
            return new Decal(w, at, c);
        }
    }

    /**
     * Makes the picture of the {@code rows x cols} cells of side {@code cell}: cell (r, c) filled with
     * {@code fills[r * cols + c]}, and where {@code probabilities[r * cols + c]} is not null, its arrows (one
     * probability per action, in the actions' order: up, down, right, left), those under
     * {@link GridView#MIN_ARROW_PROBABILITY} left out; then {@code decal} over them. The image is {@link #image()}:
     * composed again only when something differs from the last call; false if there is nothing to draw.
     */
    boolean update(int rows, int cols, int cell, Color[] fills, double[][] probabilities, Decal decal) {
        boolean same = frames.shown() != null && cell == spriteCell && rows * cell + 1 == height
                && cols * cell + 1 == width && decal == lastDecal && Arrays.equals(fills, lastFills)
                && Arrays.deepEquals(probabilities, lastProbabilities);
        if (same) {
            return true;
        }
        if (!compose(rows, cols, cell, fills, probabilities)) {
            return false;
        }
        composite(decal);
        lastFills = fills.clone();
        lastProbabilities = probabilities.clone(); // the rows are the caller's new arrays each time
        lastDecal = decal;
        frames.publish();
        return true;
    }

    /** The picture of the last {@link #update}, or null before the first. */
    Image image() {
        return frames.shown();
    }

    /** The cells, the lines and the arrows of {@link #update} in {@link #pixel}'s buffer; false if nothing to draw. */
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
        int lineWeight = weight(line >>> 24, 1);
        for (int r = 0; r <= rows; r++) {
            for (int x = 0; x <= w; x++) {
                blend(r * cell * width + x, line, lineWeight);
            }
        }
        for (int c = 0; c <= cols; c++) {
            for (int y = 0; y <= h; y++) {
                if (y % cell != 0) { // the crossings are blended once, by the rows
                    blend(y * width + c * cell, line, lineWeight);
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

    /** Composites {@code decal} over the composed pixels (source over, premultiplied), if it is for this raster. */
    void composite(Decal decal) {
        if (decal.width() != width) {
            return; // made for another size: the caller makes a new one
        }
        int[] at = decal.at();
        int[] src = decal.argbPre();
        for (int i = 0; i < at.length && at[i] < pixels.length; i++) {
            pixels[at[i]] = over(src[i], pixels[at[i]]);
        }
    }

    /** A pixel of the last {@link #compose}, ARGB, at (x, y) from the first cell's top-left corner. */
    int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    private void prepare(int w, int h, int cell) {
        width = w + 1; // the last grid lines lie just outside the cells
        height = h + 1;
        pixels = frames.back(width, height); // the array not shown: composed in full
        if (cell != spriteCell) {
            spriteCell = cell;
            sprites = new Sprite[8 * (levelOf(1, cell) + 1)];
            double radius = GridPainter.dotRadius(cell);
            double centre = cell / 2.0;
            dot = rasterize(cell, (x, y) -> (x - centre) * (x - centre) + (y - centre) * (y - centre) <= radius * radius,
                    centre - radius, centre - radius, centre + radius, centre + radius).weighted(ARROW_ALPHA);
        }
    }

    private static int levelOf(double p, int cell) {
        return (int) Math.round(GridView.arrowLength(p, cell) / LENGTH_STEP);
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
                    int key = levelOf(Math.min(1, p[a]), cell) * 8 + a * 2 + pass;
                    Sprite s = sprites[key];
                    if (s == null) {
                        s = arrowSprite(cell, a, pass, (key >> 3) * LENGTH_STEP)
                                .weighted(pass == 0 ? HALO_ALPHA : ARROW_ALPHA);
                        sprites[key] = s;
                    }
                    stamp(s, x0, y0, pass == 0 ? halo : arrow);
                }
            }
        }
        stamp(dot, x0, y0, arrow);
    }

    /** Blends {@code color} (ARGB) over the opaque pixels under {@code s}, each with its weight. */
    private void stamp(Sprite s, int x0, int y0, int color) {
        int[] xs = s.xs();
        int[] ys = s.ys();
        int[] k = s.weights();
        for (int n = 0; n < xs.length; n++) {
            int x = x0 + xs[n];
            int y = y0 + ys[n];
            if (x >= 0 && x < width && y >= 0 && y < height) {
                blend(y * width + x, color, k[n]);
            }
        }
    }

    /** The weight (of 256) of a colour of alpha {@code alpha} (0..255) at {@code coverage}, rounded. */
    static int weight(int alpha, double coverage) {
        return (int) Math.round(alpha * coverage * 256 / 255);
    }

    /**
     * Blends {@code color}'s channels (ARGB) with weight {@code k} of 256 ({@link #weight}) over the opaque pixel at
     * {@code at}, in 8-bit fixed point, each channel to the nearest level.
     */
    private void blend(int at, int color, int k) {
        int d = pixels[at];
        int r = (((color >> 16) & 0xff) * k + ((d >> 16) & 0xff) * (256 - k) + 128) >> 8;
        int g = (((color >> 8) & 0xff) * k + ((d >> 8) & 0xff) * (256 - k) + 128) >> 8;
        int b = ((color & 0xff) * k + (d & 0xff) * (256 - k) + 128) >> 8;
        pixels[at] = 0xff000000 | r << 16 | g << 8 | b;
    }

    /** {@code src} (premultiplied ARGB) over the opaque {@code dst}: each channel s + d (255 - a) / 255, rounded. */
    static int over(int src, int dst) {
        int inv = 255 - (src >>> 24);
        int r = ((src >> 16) & 0xff) + PixelFrames.div255(((dst >> 16) & 0xff) * inv);
        int g = ((src >> 8) & 0xff) + PixelFrames.div255(((dst >> 8) & 0xff) * inv);
        int b = (src & 0xff) + PixelFrames.div255((dst & 0xff) * inv);
        return 0xff000000 | Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b);
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

    /**
     * The coverage of {@code inside} over the pixels that meet the box [x0, x1] x [y0, y1], 8 x 8 samples each (the
     * weights not yet made: {@link Sprite#weighted}).
     */
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
        return new Sprite(px0, py0, w, h, coverage, new int[0], new int[0], new int[0]);
    }

    /** A colour as opaque-composited ARGB: its channels and its alpha, 8 bits each. */
    static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
