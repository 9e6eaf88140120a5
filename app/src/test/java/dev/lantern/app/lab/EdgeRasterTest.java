package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The circuit view's edge layer: box-filter coverage of a line's band, composited source-over, premultiplied. */
class EdgeRasterTest {

    private static int alpha(int argb) {
        return argb >>> 24;
    }

    @Test
    void aHorizontalBandCoversTheRowsItCrossesByTheirFraction() {
        EdgeRaster r = new EdgeRaster();
        r.reset(20, 10);
        r.line(2, 5, 12, 5, 2, Color.rgb(0, 0, 255)); // band y in [4, 6]: rows 4 and 5 fully, nothing else
        for (int x = 2; x < 12; x++) {
            assertEquals(0xff0000ff, r.pixel(x, 4), "x " + x);
            assertEquals(0xff0000ff, r.pixel(x, 5), "x " + x);
            assertEquals(0, r.pixel(x, 3));
            assertEquals(0, r.pixel(x, 6));
        }
        assertEquals(0, r.pixel(1, 5));
        assertEquals(0, r.pixel(12, 5));
        r.reset(20, 10);
        r.line(2, 5.25, 12, 5.25, 1, Color.rgb(255, 0, 0)); // band y in [4.75, 5.75]: 1/4 of row 4, 3/4 of row 5
        assertEquals(64, alpha(r.pixel(6, 4)));
        assertEquals(191, alpha(r.pixel(6, 5)));
        assertEquals(0, r.pixel(6, 6));
    }

    @Test
    void steepLinesAndTranslucentColoursCompositeSourceOver() {
        EdgeRaster r = new EdgeRaster();
        r.reset(10, 20);
        Color half = Color.rgb(255, 0, 0, 0.5);
        r.line(5, 1, 5, 15, 2, half); // vertical: columns 4 and 5
        assertEquals(128, alpha(r.pixel(4, 8)));
        assertEquals(128, (r.pixel(4, 8) >>> 16) & 0xff); // premultiplied red
        assertEquals(0, r.pixel(3, 8));
        r.line(5, 1, 5, 15, 2, half); // again: 0.5 + 0.5 * 0.5
        assertEquals(192, alpha(r.pixel(5, 8)));
        r.reset(10, 20);
        r.line(0, 0, 9, 19, 1, Color.BLACK); // steep: each row is crossed by a band sqrt(1 + (9/19)^2) wide
        int sum = 0;
        for (int x = 0; x < 10; x++) {
            sum += alpha(r.pixel(x, 10));
        }
        assertEquals(255 * Math.sqrt(1 + 81.0 / 361), sum, 2);
    }

    @Test
    void theShiftedDivisionIsTheRoundedDivisionOverTheWholeRange() {
        for (int v = 0; v <= 255 * 255; v++) {
            assertEquals((v + 127) / 255, PixelFrames.div255(v), "v = " + v);
            assertEquals(Math.round(v / 255.0), PixelFrames.div255(v), "v = " + v);
        }
    }

    @Test
    void resetClearsTheArrayWrittenNextEvenAfterAFrameWasShown() throws Exception {
        LabFx.headless();
        org.testfx.api.FxToolkit.registerPrimaryStage(); // starts the toolkit once per JVM
        int[] seen = LabFx.fx(() -> {
            EdgeRaster r = new EdgeRaster();
            r.reset(10, 10);
            r.line(0, 5, 10, 5, 2, Color.BLUE);
            javafx.scene.image.Image first = r.image();
            r.reset(10, 10); // the other array: cleared although it was never drawn on
            int cleared = r.pixel(3, 5);
            r.line(0, 2, 10, 2, 2, Color.RED);
            javafx.scene.image.Image second = r.image();
            r.reset(10, 10); // the first array again: what it showed is gone
            return new int[] {cleared, first == second ? 1 : 0, r.pixel(3, 5), r.pixel(3, 2),
                first.getPixelReader().getArgb(3, 5) == 0xff0000ff ? 1 : 0};
        });
        assertEquals(0, seen[0]);
        assertEquals(0, seen[1], "the two frames are two images: one is written while the other is shown");
        assertEquals(0, seen[2]);
        assertEquals(0, seen[3]);
        assertEquals(0, seen[4], "the first image's pixels are the array written now (cleared)");
    }
}
