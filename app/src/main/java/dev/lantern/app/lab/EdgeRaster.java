package dev.lantern.app.lab;

import java.util.Arrays;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A transparent layer of anti-aliased straight lines, rasterized in Java into one premultiplied ARGB buffer and shown
 * as one image: the circuit view's edges. The software renderer (the lab under Xvfb, or without a GPU) rasterizes each
 * {@code strokeLine} of a canvas as a separate shape, and a few hundred long, semi-transparent edges per frame took
 * about half a core there ({@code lantern bench lab}); here a line costs one pass along its longer axis.
 *
 * <p>Each line covers, at every step along its longer axis, the pixels its band of the given width crosses across the
 * other axis, each with the fraction of the pixel the band covers (box filter), composited source-over. FX thread
 * only (one view's buffer).
 */
final class EdgeRaster {

    private int width;
    private int height;
    private int[] argb = new int[0];
    private final PixelFrames frames = new PixelFrames();

    /** Clears the layer to transparent, {@code w} x {@code h} pixels (at least 1 x 1). */
    void reset(double w, double h) {
        width = Math.max(1, (int) Math.ceil(w));
        height = Math.max(1, (int) Math.ceil(h));
        argb = frames.back(width, height);
        Arrays.fill(argb, 0);
    }

    /** Draws the line from (x0, y0) to (x1, y1), {@code lineWidth} pixels wide, in {@code color} (its opacity too). */
    void line(double x0, double y0, double x1, double y1, double lineWidth, Color color) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        boolean steep = Math.abs(dy) > Math.abs(dx);
        double a0 = steep ? y0 : x0; // along the longer axis
        double a1 = steep ? y1 : x1;
        double b0 = steep ? x0 : y0; // across it
        double slope = (steep ? dx : dy) / (a1 == a0 ? 1 : a1 - a0);
        double half = lineWidth / 2 * Math.sqrt(1 + slope * slope); // the band's half-height across the axis
        int alongMax = steep ? height : width;
        int acrossMax = steep ? width : height;
        int from = Math.max(0, (int) Math.floor(Math.min(a0, a1)));
        int to = Math.min(alongMax - 1, (int) Math.ceil(Math.max(a0, a1)) - 1);
        int r = (int) Math.round(color.getRed() * 255);
        int g = (int) Math.round(color.getGreen() * 255);
        int bl = (int) Math.round(color.getBlue() * 255);
        double alpha = color.getOpacity() * 255;
        int opaque = (int) (alpha + 0.5); // a pixel the band covers whole
        int stepAlong = steep ? width : 1; // index steps, along and across
        int stepAcross = steep ? 1 : width;
        for (int a = from; a <= to; a++) {
            double center = b0 + (a + 0.5 - a0) * slope;
            double lo = center - half;
            double hi = center + half;
            int first = Math.max(0, (int) Math.floor(lo));
            int last = Math.min(acrossMax - 1, (int) Math.ceil(hi) - 1);
            int at = a * stepAlong + first * stepAcross;
            for (int b = first; b <= last; b++, at += stepAcross) {
                if (b > lo && b + 1 < hi) {
                    blend(at, r, g, bl, opaque);
                } else {
                    double cover = Math.min(b + 1, hi) - Math.max(b, lo);
                    if (cover > 0) {
                        blend(at, r, g, bl, (int) (alpha * Math.min(1, cover) + 0.5));
                    }
                }
            }
        }
    }

    /** Composites colour (r, g, b) at opacity {@code a} (all 0..255) over pixel {@code i}, premultiplied. */
    private void blend(int i, int r, int g, int b, int a) {
        int d = argb[i];
        int keep = 255 - a;
        int na = a + PixelFrames.div255(((d >>> 24) & 0xff) * keep);
        int nr = PixelFrames.div255(r * a + ((d >>> 16) & 0xff) * keep);
        int ng = PixelFrames.div255(g * a + ((d >>> 8) & 0xff) * keep);
        int nb = PixelFrames.div255(b * a + (d & 0xff) * keep);
        argb[i] = na << 24 | nr << 16 | ng << 8 | nb;
    }

    /** The premultiplied ARGB pixel at (x, y). */
    int pixel(int x, int y) {
        return argb[y * width + x];
    }

    /**
     * The layer as an image over this raster's own pixels (premultiplied ARGB, {@link PixelFrames}: the renderer copies
     * them as they are, where a plain {@link WritableImage} held them as BGRA bytes to convert at every frame).
     */
    Image image() {
        return frames.publish();
    }
}
