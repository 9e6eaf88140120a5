package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The grid's heat-and-arrows image: fills exact, arrows where the actions point, masks of the right area. */
class GridRasterTest {

    private static final int CELL = 40;
    private static final Color FILL = Color.web("#8fbcdb");

    private static GridRaster composed(double[] probabilities) {
        GridRaster raster = new GridRaster();
        assertTrue(raster.compose(1, 2, CELL, new Color[] {FILL, Color.web("#3b4754")},
                new double[][] {probabilities, null}));
        return raster;
    }

    @Test
    void aCellWithoutArrowsIsItsFillExactlyInsideItsGridLines() {
        GridRaster raster = composed(null);
        int wall = GridRaster.argb(Color.web("#3b4754"));
        for (int y = 1; y < CELL; y++) {
            for (int x = 0; x < 2 * CELL; x++) {
                if (x % CELL != 0) {
                    assertEquals(x < CELL ? GridRaster.argb(FILL) : wall, raster.pixel(x, y), "pixel (" + x + ", " + y + ")");
                }
            }
        }
        // the lines between the cells: black at GRID_LINE's opacity over the fill, once per pixel (crossings too)
        int k = (int) Math.round((GridRaster.argb(GridView.GRID_LINE) >>> 24) * 256 / 255.0); // opacity, of 256
        int green = (GridRaster.argb(FILL) >> 8) & 0xff;
        int expected = (green * (256 - k) + 128) >> 8;
        assertEquals(Math.round(green * (1 - GridView.GRID_LINE.getOpacity())), expected, 1.0, "to the nearest level");
        assertEquals(expected, (raster.pixel(5, 0) >> 8) & 0xff, "top line");
        assertEquals(expected, (raster.pixel(0, 5) >> 8) & 0xff, "left line");
        assertEquals(expected, (raster.pixel(0, 0) >> 8) & 0xff, "a crossing is blended once");
    }

    @Test
    void theArrowPointsWhereTheActionGoesAndStaysInItsCell() {
        GridRaster raster = composed(new double[] {0, 0.3, 0.7, 0}); // most on "right"
        int mid = CELL / 2;
        int right = darkness(raster.pixel(mid + 8, mid));
        int left = darkness(raster.pixel(mid - 12, mid));
        int up = darkness(raster.pixel(mid, mid - 12));
        assertTrue(right > 100, "the shaft to the right is dark: " + right);
        assertEquals(0, left, "nothing to the left");
        assertEquals(0, up, "nothing above");
        assertTrue(darkness(raster.pixel(mid, mid + 4)) > 0, "the short arrow down is drawn");
        for (int y = 1; y < CELL; y++) {
            assertEquals(GridRaster.argb(Color.web("#3b4754")), raster.pixel(CELL + 1, y), "the next cell is untouched");
        }
    }

    @Test
    void anUnlikelyActionHasNoArrow() {
        GridRaster raster = composed(new double[] {GridView.MIN_ARROW_PROBABILITY / 2, 0, 0, 0});
        int mid = CELL / 2;
        assertEquals(0, darkness(raster.pixel(mid, mid - 8)), "no shaft upwards under the threshold");
        assertTrue(darkness(raster.pixel(mid, mid)) > 100, "the centre's dot is drawn");
    }

    @Test
    void theArrowMaskCoversTheShaftAndTheHeadsArea() {
        double length = GridView.arrowLength(0.8, CELL);
        GridRaster.Sprite s = GridRaster.arrowSprite(CELL, 2, 1, length);
        double covered = 0;
        for (float c : s.coverage()) {
            covered += c;
        }
        double shaft = Math.max(1.5, CELL * 0.045);
        double head = Math.min(length * 0.5, CELL * 0.15);
        double expected = (length - head) * shaft + head * head * 0.65; // rectangle + triangle (base 1.3 head)
        assertEquals(expected, covered, 0.03 * expected, "covered area in pixels");
        GridRaster.Sprite halo = GridRaster.arrowSprite(CELL, 2, 0, length);
        double haloArea = 0;
        for (float c : halo.coverage()) {
            haloArea += c;
        }
        assertTrue(haloArea > covered * 1.5, "the halo is wider: " + haloArea + " vs " + covered);
        assertFalse(s.w() > CELL, "the mask fits in a cell");
    }

    @Test
    void theDecalIsCompositedOverTheArrowsSourceOverPremultiplied() {
        GridRaster raster = new GridRaster();
        int w = 2 * CELL + 1;
        int h = CELL + 1;
        int[] marks = new int[w * h];
        int at = (CELL / 2) * w + CELL / 2; // the first cell's centre: under its dot
        marks[at] = 0x80404040; // half-covering grey, premultiplied: channels already times alpha
        marks[at + 1] = 0xffffffff; // opaque white
        GridRaster.Decal decal = GridRaster.Decal.of(marks, w, h);
        assertEquals(2, decal.at().length, "only the pixels that are not fully transparent are kept");
        Color[] fills = {FILL, Color.web("#3b4754")};
        double[][] policy = {{0, 0, 1, 0}, null};
        assertTrue(raster.compose(1, 2, CELL, fills, policy));
        int under = raster.pixel(CELL / 2, CELL / 2);
        int next = raster.pixel(CELL / 2 + 3, CELL / 2 + 3);
        raster.composite(decal);
        int expected = GridRaster.over(0x80404040, under);
        for (int shift = 0; shift <= 16; shift += 8) {
            int d = (under >> shift) & 0xff;
            assertEquals(0x40 + Math.round(d * (255 - 0x80) / 255.0), (expected >> shift) & 0xff, "s + d (1 - a)");
        }
        assertEquals(expected, raster.pixel(CELL / 2, CELL / 2));
        assertEquals(0xffffffff, raster.pixel(CELL / 2 + 1, CELL / 2), "an opaque mark replaces the pixel");
        assertEquals(next, raster.pixel(CELL / 2 + 3, CELL / 2 + 3), "the pixels the decal leaves out are as composed");
        int[] wider = new int[(w + 1) * h];
        wider[at] = 0xffffffff;
        raster.composite(GridRaster.Decal.of(wider, w + 1, h));
        assertEquals(expected, raster.pixel(CELL / 2, CELL / 2), "a decal made for another size is not drawn");
    }

    @Test
    void theStampedArrowIsTheDocumentedBlendOfItsCoverage() {
        // one arrow pixel by hand: the halo's then the arrow's weight, round(alpha * coverage * 256 / 255), over the fill
        double p = 0.9;
        GridRaster raster = composed(new double[] {0, 0, p, 0});
        double length = GridView.arrowLength(p, CELL);
        long level = Math.round(length / 0.25);
        GridRaster.Sprite halo = GridRaster.arrowSprite(CELL, 2, 0, level * 0.25);
        GridRaster.Sprite arrow = GridRaster.arrowSprite(CELL, 2, 1, level * 0.25);
        int x = CELL / 2 + 10; // on the shaft, clear of the dot
        int y = CELL / 2;
        int fill = GridRaster.argb(FILL);
        int k1 = GridRaster.weight(GridRaster.argb(GridView.ARROW_HALO) >>> 24, cover(halo, x, y));
        int k2 = GridRaster.weight(GridRaster.argb(GridView.ARROW) >>> 24, cover(arrow, x, y));
        assertTrue(k1 > 0 && k2 > 0, "the pixel is under both");
        for (int shift = 0; shift <= 16; shift += 8) {
            int d = (fill >> shift) & 0xff;
            int afterHalo = (((GridRaster.argb(GridView.ARROW_HALO) >> shift) & 0xff) * k1 + d * (256 - k1) + 128) >> 8;
            int afterArrow = (((GridRaster.argb(GridView.ARROW) >> shift) & 0xff) * k2 + afterHalo * (256 - k2) + 128)
                    >> 8;
            assertEquals(afterArrow, (raster.pixel(x, y) >> shift) & 0xff, "channel at bit " + shift);
        }
    }

    private static float cover(GridRaster.Sprite s, int x, int y) {
        int i = x - s.x0();
        int j = y - s.y0();
        return i < 0 || j < 0 || i >= s.w() || j >= s.h() ? 0 : s.coverage()[j * s.w() + i];
    }

    /** How much darker than the fill a pixel is (0: the fill itself), in 8-bit steps of its green channel. */
    private static int darkness(int argb) {
        return Math.max(0, ((GridRaster.argb(FILL) >> 8) & 0xff) - ((argb >> 8) & 0xff));
    }
}
