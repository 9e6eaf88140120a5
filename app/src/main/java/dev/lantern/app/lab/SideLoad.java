package dev.lantern.app.lab;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * The floors under {@code lantern bench lab}'s figure: what training loses to work on the other cores that is not the
 * lab's at all. {@link #bareWindow} is the least a window of the lab's size can do at the lab's frame rate (one canvas
 * of the grid's size, 13 x 13 cells filled with new colours every frame, nothing else in the scene): the cost of the
 * toolkit, the renderer and the display server themselves. {@link #spinningThread} is one thread that computes and
 * never sleeps: the cost of any busy core next to training (on a machine whose cores share their physical core or
 * memory, it is not zero).
 */
abstract class SideLoad implements AutoCloseable {

    /** The bare window's canvas: the size of the lab's grid region. */
    static final double CANVAS_WIDTH = 637;
    static final double CANVAS_HEIGHT = 757;

    /** Frames the load drew per second since it started (0 for a thread). */
    abstract double framesPerSecond();

    @Override
    public abstract void close() throws Exception;

    /** Opens the bare window (the toolkit must be running) and redraws it every {@code frameMillis} ms. */
    static SideLoad bareWindow(long frameMillis) throws Exception {
        return LabBenchRun.onFx(() -> new BareWindow(frameMillis));
    }

    /** Starts a thread that spins on arithmetic until closed. */
    static SideLoad spinningThread() {
        return new Spinner();
    }

    private static final class BareWindow extends SideLoad {
        private final Stage stage = new Stage();
        private final AnimationTimer timer;
        private final long start = System.nanoTime();
        private volatile long frames;

        BareWindow(long frameMillis) {
            Canvas canvas = new Canvas(CANVAS_WIDTH, CANVAS_HEIGHT);
            GraphicsContext g = canvas.getGraphicsContext2D();
            stage.setScene(new Scene(new Pane(canvas), LabWindow.WIDTH, LabWindow.HEIGHT));
            stage.setTitle("lantern bench lab: bare window");
            timer = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (now - last < frameMillis * 1_000_000L) {
                        return;
                    }
                    last = now;
                    frames++;
                    double cell = CANVAS_WIDTH / 13;
                    for (int r = 0; r < 13; r++) {
                        for (int c = 0; c < 13; c++) {
                            g.setFill(Color.hsb((frames * 7 + r * 13 + c) % 360, 0.6, 0.9));
                            g.fillRect(c * cell, r * cell, cell, cell);
                        }
                    }
                }
            };
            stage.show();
            timer.start();
        }

        @Override
        double framesPerSecond() {
            return frames / ((System.nanoTime() - start) / 1e9);
        }

        @Override
        public void close() throws Exception {
            LabBenchRun.onFx(() -> {
                timer.stop();
                stage.close();
                return null;
            });
        }
    }

    private static final class Spinner extends SideLoad {
        private volatile boolean running = true;
        private final Thread thread;
        private volatile double sink;

        Spinner() {
            thread = new Thread(() -> {
                double x = 1;
                while (running) {
                    for (int i = 0; i < 100_000; i++) {
                        x = x * 1.0000001 + 1e-9;
                    }
                    sink = x;
                }
            }, "lantern-bench-spinner");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        double framesPerSecond() {
            return 0;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
