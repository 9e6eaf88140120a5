package dev.lantern.app.lab;

import dev.lantern.agents.train.Recorder;
import dev.lantern.app.engine.ExperimentRun;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Measurements for {@code lantern bench lab}: a lab run's training speed with the lab closed (the same experiment
 * trained without a window) and open on its charts or on its circuit panel (a real window on the current display,
 * one cell hovered and one neuron inspected, so that the circuit view, the attribution of the hovered cell and the
 * inspector all refresh), with the distinct snapshots the circuit view drew per second. Each figure is taken from
 * the end of the run's first iteration (the JIT warm) to the end of the run.
 */
public final class LabBenchRun {

    /**
     * One measured run.
     *
     * @param envStepsPerSecond    training environment steps per second
     * @param updatesPerSecond     optimizer steps per second
     * @param feedFramesPerSecond  frames the lab received per second (0 with the lab closed)
     * @param circuitFramesPerSecond distinct snapshots the circuit view drew per second (0 unless it was shown)
     * @param seconds              the length of the timed window
     */
    public record Figures(double envStepsPerSecond, double updatesPerSecond, double feedFramesPerSecond,
            double circuitFramesPerSecond, double seconds) {
    }

    /** What is open while training. */
    public enum Mode {
        /** No window: the experiment trained alone. */
        CLOSED,
        /** The lab's window on its charts. */
        CHARTS,
        /** The lab's window on its circuit panel. */
        CIRCUITS
    }

    private LabBenchRun() {
    }

    /** Trains {@code settings} once in {@code mode} and times it; starts the JavaFX toolkit on first use. */
    public static Figures measure(LabSettings settings, Mode mode) throws Exception {
        return mode == Mode.CLOSED ? closed(settings) : open(settings, mode == Mode.CIRCUITS);
    }

    private static Figures closed(LabSettings settings) {
        java.util.List<long[]> ends = new java.util.ArrayList<>(); // nanos, envStep, updates at each iteration's end
        long[] updates = new long[1];
        Recorder timing = new Recorder() {
            @Override
            public void updateApplied(dev.lantern.agents.train.UpdateEvent event) {
                updates[0] = event.update() + 1;
            }

            @Override
            public void iterationEnded(long iteration, long envStep) {
                ends.add(new long[] {System.nanoTime(), envStep, updates[0]});
            }
        };
        ExperimentRun.builder(LabController.experimentFor(settings)).observer(timing).build().run();
        if (ends.size() < 3) {
            throw new IllegalArgumentException("the run has " + ends.size() + " iterations; timing needs at least 3");
        }
        long[] first = ends.get(1); // as the open lab: from the second iteration's end on
        long[] last = ends.get(ends.size() - 1);
        double seconds = (last[0] - first[0]) / 1e9;
        return new Figures((last[1] - first[1]) / seconds, (last[2] - first[2]) / seconds, 0, 0, seconds);
    }

    private static Figures open(LabSettings settings, boolean circuits) throws Exception {
        startToolkit();
        LabController controller = new LabController();
        LabWindow window = onFx(() -> {
            LabWindow w = new LabWindow(controller, settings);
            w.show(new Stage());
            if (circuits) {
                w.showCircuits();
            }
            w.gridView().hoverLater(1, 3);
            w.startTraining();
            return w;
        });
        try {
            LiveFeed feed = controller.feed();
            while (feed.status().iterations() < 1 && feed.status().phase() != LiveFeed.Phase.FAILED) {
                Thread.sleep(5);
            }
            if (circuits) {
                onFx(() -> {
                    CircuitFrame f = window.circuits().shown();
                    if (f != null) {
                        window.circuits().select(new CircuitRequest.Neuron(f.hidden().get(f.hidden().size() - 1), 0));
                    }
                    return null;
                });
            }
            // from one iteration's end to the last one's (the final evaluation is not training)
            long iteration = feed.status().iterations();
            while (feed.status().iterations() == iteration && feed.status().outcome() == null) {
                Thread.sleep(1);
            }
            long t0 = System.nanoTime();
            LiveFeed.Status s0 = feed.status();
            long[] c0 = counts(window);
            long t1 = t0;
            LiveFeed.Status s1 = s0;
            long[] c1 = c0;
            while (feed.status().phase() == LiveFeed.Phase.RUNNING && feed.status().outcome() == null) {
                LiveFeed.Status now = feed.status();
                if (now.iterations() != s1.iterations()) {
                    t1 = System.nanoTime();
                    s1 = now;
                    c1 = counts(window);
                }
                Thread.sleep(1);
            }
            double seconds = (t1 - t0) / 1e9;
            if (feed.status().phase() == LiveFeed.Phase.FAILED) {
                throw new IllegalStateException("the lab run failed: " + feed.status().failure());
            }
            return new Figures((s1.envSteps() - s0.envSteps()) / seconds, (s1.updates() - s0.updates()) / seconds,
                    (c1[0] - c0[0]) / seconds, (c1[1] - c0[1]) / seconds, seconds);
        } finally {
            onFx(() -> {
                window.dispose();
                return null;
            });
        }
    }

    /** Frames received and circuit snapshots drawn, read on the FX thread. */
    private static long[] counts(LabWindow w) throws Exception {
        return onFx(() -> new long[] {w.framesReceived(), w.circuits().view().framesDrawn()});
    }

    private static volatile boolean started;

    static synchronized void startToolkit() throws InterruptedException {
        if (started) {
            return;
        }
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        Platform.startup(() -> up.complete(null));
        up.join();
        started = true;
    }

    /** Ends the JavaFX toolkit if this class started it. */
    public static void shutdown() {
        if (started) {
            Platform.exit();
        }
    }

    static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
