package dev.lantern.app.lab;

import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.agents.run.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Measurements for {@code lantern bench tree}: a {@link SearchTreeView} of one search's whole tree, every node
 * expanded, in a real window on the current display, panned sideways by a fixed step on every pulse (bouncing at
 * the tree's ends) at a chosen zoom; counted are the distinct frames the view drew (each with a new view), not the
 * pulses. Optionally saves a screenshot of the view (top three depths and the principal variation, drawn bold,
 * expanded; the most visited root move selected).
 */
public final class TreeBenchRun {

    /**
     * One measured pan.
     *
     * @param zoom            screen pixels per world pixel
     * @param framesPerSecond distinct frames drawn per second
     * @param drawMillis      mean time to draw one frame, milliseconds
     * @param nodesPerFrame   nodes drawn in the last frame (after culling)
     * @param seconds         the length of the timed window
     */
    public record Figures(double zoom, double framesPerSecond, double drawMillis, long nodesPerFrame, double seconds) {
    }

    private TreeBenchRun() {
    }

    /**
     * Opens {@code tree} in a window and pans it at each zoom of {@code zooms} (0 = the whole tree's width on
     * screen, every node drawn) for {@code seconds} after a 1 s untimed warm-up; saves a PNG to {@code png} unless
     * null. Starts the JavaFX toolkit on first use.
     */
    public static <S> Figures[] measure(SearchTree<S> tree, TreePositions<S> positions, double[] zooms,
            double seconds, Path png) throws Exception {
        LabBenchRun.startToolkit();
        SearchTreeView<S> view = LabBenchRun.onFx(() -> new SearchTreeView<>(tree, positions));
        Stage stage = LabBenchRun.onFx(() -> view.openWindow("Lantern: search tree", 1400, 860));
        try {
            Figures[] out = new Figures[zooms.length];
            for (int k = 0; k < zooms.length; k++) {
                out[k] = pan(view, zooms[k], seconds);
            }
            if (png != null) {
                screenshot(view, png);
            }
            return out;
        } finally {
            LabBenchRun.onFx(() -> {
                stage.close();
                return null;
            });
        }
    }

    private static <S> Figures pan(SearchTreeView<S> view, double zoom, double seconds) throws Exception {
        double[] used = new double[1];
        AnimationTimer panner = LabBenchRun.onFx(() -> {
            view.expandAll();
            double fit = (view.getWidth() - 340) / view.treeLayout().width();
            used[0] = zoom > 0 ? zoom : fit;
            view.centreOn(0, used[0]);
            double[] direction = {1};
            double[] offset = {0};
            AnimationTimer t = new AnimationTimer() {
                @Override
                public void handle(long now) { // 7 px a pulse, turning back after 400 px either way
                    if (Math.abs(offset[0] + direction[0] * 7) > 400) {
                        direction[0] = -direction[0];
                    }
                    offset[0] += direction[0] * 7;
                    view.panBy(direction[0] * 7, 0);
                }
            };
            t.start();
            return t;
        });
        try {
            Thread.sleep(1000);
            long[] c0 = LabBenchRun.onFx(view::drawCounts);
            long t0 = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            long[] c1 = LabBenchRun.onFx(view::drawCounts);
            double s = (System.nanoTime() - t0) / 1e9;
            long frames = c1[0] - c0[0];
            return new Figures(used[0], frames / s, frames == 0 ? Double.NaN : (c1[1] - c0[1]) / 1e6 / frames, c1[2], s);
        } finally {
            LabBenchRun.onFx(() -> {
                panner.stop();
                return null;
            });
        }
    }

    private static <S> void screenshot(SearchTreeView<S> view, Path png) throws Exception {
        LabBenchRun.onFx(() -> {
            view.collapseBelow(3);
            int[] pv = view.followPrincipalVariation(); // drawn bold, expanded below the third depth
            view.home();
            view.select(pv.length > 1 ? pv[1] : 0);
            return null;
        });
        Thread.sleep(500);
        byte[] bytes = LabBenchRun.onFx(() -> {
            view.drawNow();
            WritableImage image = view.getScene().snapshot(null);
            BufferedImage rgb = new BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                    BufferedImage.TYPE_INT_RGB);
            SwingFXUtils.fromFXImage(image, rgb);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try {
                ImageIO.write(rgb, "png", buffer);
            } catch (IOException e) {
                throw new UncheckedIOException("could not encode the screenshot for " + png, e);
            }
            return buffer.toByteArray();
        });
        AtomicFiles.writeBytes(png, bytes);
    }
}
