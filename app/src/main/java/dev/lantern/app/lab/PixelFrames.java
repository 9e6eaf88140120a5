package dev.lantern.app.lab;

import java.nio.IntBuffer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Two premultiplied-ARGB pixel arrays, each behind an image that JavaFX reads where the pixels are
 * ({@link PixelBuffer}): one is written while the other is shown. The renderer draws a pulse's frame on its own thread
 * while the FX thread may already compose the next one, so writing the shown array could tear the picture; the array
 * written now was last shown two pulses ago, and the FX thread waits for each pulse's rendering before the next pulse's
 * synchronisation. FX thread only.
 */
final class PixelFrames {

    private final int[][] pixels = new int[2][];
    private final PixelBuffer<IntBuffer>[] buffers = newBuffers();
    private final WritableImage[] images = new WritableImage[2];
    private int back; // the array written next
    private int width;
    private int height;

    @SuppressWarnings("unchecked")
    private static PixelBuffer<IntBuffer>[] newBuffers() {
        return (PixelBuffer<IntBuffer>[]) new PixelBuffer<?>[2];
    }

    /**
     * The array to write the next frame into, {@code w * h} pixels row-major (at least 1 x 1): the one not shown, with
     * what it held two frames ago (or zeros after a change of size).
     */
    int[] back(int w, int h) {
        if (w != width || h != height) {
            width = w;
            height = h;
            for (int i = 0; i < 2; i++) {
                pixels[i] = new int[w * h];
                buffers[i] = null;
                images[i] = null;
            }
        }
        return pixels[back];
    }

    /** Shows the array {@link #back} gave: returns its image (told that all of it changed); the other is written next. */
    Image publish() {
        int i = back;
        if (images[i] == null) {
            buffers[i] = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels[i]), PixelFormat.getIntArgbPreInstance());
            images[i] = new WritableImage(buffers[i]);
        } else {
            buffers[i].updateBuffer(b -> null);
        }
        back = 1 - i;
        return images[i];
    }

    /**
     * {@code v / 255} rounded to the nearest integer ({@code (v + 127) / 255}), for {@code 0 <= v <= 255 * 255} (the
     * product of two 8-bit channels): with shifts instead of a division, exact over that range (EdgeRasterTest). The
     * rasters' compositing rounds with it.
     */
    static int div255(int v) {
        int t = v + 128;
        return (t + (t >> 8)) >> 8;
    }

    /** The image last published, or null. */
    Image shown() {
        return images[1 - back];
    }
}
