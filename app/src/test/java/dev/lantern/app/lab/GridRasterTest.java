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

    /** How much darker than the fill a pixel is (0: the fill itself), in 8-bit steps of its green channel. */
    private static int darkness(int argb) {
        return Math.max(0, ((GridRaster.argb(FILL) >> 8) & 0xff) - ((argb >> 8) & 0xff));
    }
}
