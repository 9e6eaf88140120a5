package dev.lantern.app.lab;

import dev.lantern.agents.train.Recorder;
import dev.lantern.app.engine.ExperimentRun;
import java.util.Map;
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
     * @param gridFramesPerSecond  distinct frames the grid drew per second (0 with the lab closed, or while the circuit
     *                             view holds the grid)
     * @param seconds              the length of the timed window
     * @param cores                cores each kind of thread used over the window ({@link ThreadCpu})
     * @param recycledShare        the share of the feed's snapshots that were recycled copies (NaN with the lab closed)
     */
    public record Figures(double envStepsPerSecond, double updatesPerSecond, double feedFramesPerSecond,
            double circuitFramesPerSecond, double gridFramesPerSecond, double seconds,
            Map<ThreadCpu.Kind, Double> cores, double recycledShare) {
    }

    /** What is open while training. */
    public enum Mode {
        /** No window: the experiment trained alone. */
        CLOSED,
        /** The lab's window on its charts. */
        CHARTS,
        /** The lab's window on its circuit panel. */
        CIRCUITS,
        /** No lab: the experiment trained beside a bare window of the lab's size redrawn 30 times a second. */
        BARE_WINDOW,
        /** No lab: the experiment trained beside one thread that spins on arithmetic. */
        SPINNING_THREAD
    }

    /** The bare window's frame interval: the lab's target of 30 frames a second. */
    static final long BARE_WINDOW_FRAME_MILLIS = 33;

    private LabBenchRun() {
    }

    /** Trains {@code settings} once in {@code mode} and times it; starts the JavaFX toolkit on first use. */
    public static Figures measure(LabSettings settings, Mode mode) throws Exception {
        return switch (mode) {
            case CLOSED -> closed(settings);
            case CHARTS, CIRCUITS -> open(settings, mode == Mode.CIRCUITS);
            case BARE_WINDOW, SPINNING_THREAD -> beside(settings, mode);
        };
    }

    /** The closed run with a {@link SideLoad} on the other core; its frames per second as the grid's. */
    private static Figures beside(LabSettings settings, Mode mode) throws Exception {
        if (mode == Mode.BARE_WINDOW) {
            startToolkit();
        }
        SideLoad load = mode == Mode.BARE_WINDOW ? SideLoad.bareWindow(BARE_WINDOW_FRAME_MILLIS)
                : SideLoad.spinningThread();
        Figures f;
        try {
            f = closed(settings);
        } finally {
            load.close();
        }
        return new Figures(f.envStepsPerSecond(), f.updatesPerSecond(), 0, 0, load.framesPerSecond(), f.seconds(),
                f.cores(), Double.NaN);
    }

    private static Figures closed(LabSettings settings) {
        java.util.List<long[]> ends = new java.util.ArrayList<>(); // nanos, envStep, updates at each iteration's end
        java.util.List<ThreadCpu.Sample> cpu = new java.util.ArrayList<>();
        long[] updates = new long[1];
        Recorder timing = new Recorder() {
            @Override
            public void updateApplied(dev.lantern.agents.train.UpdateEvent event) {
                updates[0] = event.update() + 1;
            }

            @Override
            public void iterationEnded(long iteration, long envStep) {
                ends.add(new long[] {System.nanoTime(), envStep, updates[0]});
                cpu.add(ThreadCpu.sample());
            }
        };
        RuntimeException[] failed = new RuntimeException[1];
        Thread training = new Thread(() -> { // named as the lab's training thread, for ThreadCpu
            try {
                ExperimentRun.builder(LabController.experimentFor(settings)).observer(timing).build().run();
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "lantern-lab-training");
        training.start();
        try {
            training.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the closed run trained", e);
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        if (ends.size() < 3) {
            throw new IllegalArgumentException("the run has " + ends.size() + " iterations; timing needs at least 3");
        }
        long[] first = ends.get(1); // as the open lab: from the second iteration's end on
        long[] last = ends.get(ends.size() - 1);
        double seconds = (last[0] - first[0]) / 1e9;
        return new Figures((last[1] - first[1]) / seconds, (last[2] - first[2]) / seconds, 0, 0, 0, seconds,
                cpu.get(cpu.size() - 1).coresSince(cpu.get(1)), Double.NaN);
    }

    private static Figures open(LabSettings settings, boolean circuits) throws Exception {
        startToolkit();
        LabController controller = new LabController();
        Stage[] stage = new Stage[1];
        LabWindow window = onFx(() -> {
            LabWindow w = new LabWindow(controller, settings);
            stage[0] = new Stage();
            w.show(stage[0]);
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
            ThreadCpu.Sample cpu0 = ThreadCpu.sample();
            long[] snapshots0 = feed.snapshotCounts();
            long t1 = t0;
            LiveFeed.Status s1 = s0;
            long[] c1 = c0;
            ThreadCpu.Sample cpu1 = cpu0;
            long[] snapshots1 = snapshots0;
            while (feed.status().phase() == LiveFeed.Phase.RUNNING && feed.status().outcome() == null) {
                LiveFeed.Status now = feed.status();
                if (now.iterations() != s1.iterations()) {
                    t1 = System.nanoTime();
                    s1 = now;
                    c1 = counts(window);
                    cpu1 = ThreadCpu.sample();
                    snapshots1 = feed.snapshotCounts();
                }
                Thread.sleep(2); // this thread's own wake-ups are a cost on the second core too
            }
            double seconds = (t1 - t0) / 1e9;
            if (feed.status().phase() == LiveFeed.Phase.FAILED) {
                throw new IllegalStateException("the lab run failed: " + feed.status().failure());
            }
            long made = snapshots1[0] - snapshots0[0];
            long recycled = snapshots1[1] - snapshots0[1];
            return new Figures((s1.envSteps() - s0.envSteps()) / seconds, (s1.updates() - s0.updates()) / seconds,
                    (c1[0] - c0[0]) / seconds, (c1[1] - c0[1]) / seconds, (c1[2] - c0[2]) / seconds, seconds,
                    cpu1.coresSince(cpu0), made + recycled == 0 ? Double.NaN : recycled / (double) (made + recycled));
        } finally {
            onFx(() -> {
                stage[0].close(); // closing disposes the window (LabWindow.show); a window left open kept its scene
                return null;
            });
        }
    }

    /** Frames received and circuit snapshots drawn, read on the FX thread. */
    private static long[] counts(LabWindow w) throws Exception {
        return onFx(() -> new long[] {w.framesReceived(), w.circuits().view().framesDrawn(),
                w.gridView().framesDrawn()});
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
