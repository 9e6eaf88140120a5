package dev.lantern.app.lab;

import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.planning.SearchObservable;
import dev.lantern.agents.registry.Learners;
import dev.lantern.agents.train.TrainingControl;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.engine.ExperimentRun;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the lab's training on ONE background thread and relays the user's controls to it. The FX thread calls the
 * methods here; they only submit work or flip the thread-safe {@link TrainingControl}, never touch the engine.
 *
 * <p>Each {@link #start} makes a new run with its own {@link LiveFeed} and control; the run before it is asked to
 * stop and finishes first (one executor thread, runs in order). Failures are caught at the executor boundary,
 * logged once, and handed to the feed as a message for the status line.
 */
public final class LabController implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LabController.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lantern-lab-training");
        t.setDaemon(true);
        return t;
    });
    private final long frameIntervalMillis;
    private final Function<LabSettings, Experiment> experiments;
    private volatile LiveFeed feed;
    private volatile TrainingControl control;
    private volatile long delayMillis;
    private volatile boolean closed;

    /** A controller whose feeds make frames at most every {@value LiveFeed#DEFAULT_FRAME_INTERVAL_MILLIS} ms. */
    public LabController() {
        this(LiveFeed.DEFAULT_FRAME_INTERVAL_MILLIS);
    }

    /** @param frameIntervalMillis shortest time between two frames made during an iteration */
    public LabController(long frameIntervalMillis) {
        this(frameIntervalMillis, LabController::experimentFor);
    }

    /** For tests: {@code experiments} turns the settings into the experiment to run. */
    LabController(long frameIntervalMillis, Function<LabSettings, Experiment> experiments) {
        if (frameIntervalMillis < 0) {
            throw new IllegalArgumentException("frameIntervalMillis must be >= 0, got " + frameIntervalMillis);
        }
        this.frameIntervalMillis = frameIntervalMillis;
        this.experiments = experiments;
    }

    /**
     * The experiment a lab run trains: the settings' learner with its default hyperparameters on the settings'
     * environment, seed, budget and LCA switch.
     */
    public static Experiment experimentFor(LabSettings settings) {
        return Experiment.defaults(Learners.find(settings.agentType()).defaults())
                .withEnvId(settings.envId()).withSeed(settings.seed())
                .withTotalEnvSteps(settings.totalEnvSteps()).withLca(settings.lca());
    }

    /**
     * Stops the current run (if any) and starts a new one with {@code settings}: the run is assembled and trained on
     * the training thread.
     *
     * @param startPaused whether the run waits for {@link #step()} or {@link #resume()} before its first iteration
     * @return the new run's feed
     * @throws IllegalStateException after {@link #close()}
     */
    public LiveFeed start(LabSettings settings, boolean startPaused) {
        if (closed) {
            throw new IllegalStateException("the lab controller is closed");
        }
        stop();
        TrainingControl c = new TrainingControl();
        c.setDelayMillis(delayMillis);
        if (startPaused) {
            c.pause();
        }
        LiveFeed f = new LiveFeed(settings, frameIntervalMillis);
        control = c;
        feed = f;
        executor.execute(() -> train(settings, c, f));
        return f;
    }

    /** {@link #start(LabSettings, boolean)} running freely. */
    public LiveFeed start(LabSettings settings) {
        return start(settings, false);
    }

    private void train(LabSettings settings, TrainingControl control, LiveFeed feed) {
        if (control.stopRequested()) {
            feed.fail("stopped before it started");
            return;
        }
        try {
            Experiment experiment = experiments.apply(settings);
            ExperimentRun run = ExperimentRun.builder(experiment).observer(feed).control(control).build();
            if (run.agent() instanceof SearchObservable planner) { // draw the searches it runs, never search again
                planner.observeSearches(feed.captureSearches());
            }
            ComputationGraph net = run.agent().network();
            feed.neuronLca().attach(net == null ? null : run.lca(), net == null ? null : ParameterLayout.of(net));
            run.run(); // a failure inside the loop comes back as status "failed" through LiveFeed.runEnded
        } catch (ConfigException e) {
            LOG.error("lab run could not start: {}", e.getMessage());
            feed.fail(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.error("lab run failed: {}", e.toString(), e);
            feed.fail(e.toString());
        }
    }

    /** The current run's feed, or null before the first {@link #start}. */
    public LiveFeed feed() {
        return feed;
    }

    /** Pauses the current run before its next iteration. */
    public void pause() {
        onControl(TrainingControl::pause);
    }

    /** Lets the current run go on freely. */
    public void resume() {
        onControl(TrainingControl::resume);
    }

    /** Whether the current run is paused (false when there is none). */
    public boolean paused() {
        TrainingControl c = control;
        return c != null && c.paused();
    }

    /** Pauses the current run (if it runs) and lets exactly one more iteration run. */
    public void step() {
        onControl(c -> {
            c.pause();
            c.stepOnce();
        });
    }

    /** Sleeps {@code millis} after every iteration, for this run and the next ones (0 = full speed). */
    public void setDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("delay must be >= 0, got " + millis);
        }
        delayMillis = millis;
        onControl(c -> c.setDelayMillis(millis));
    }

    /** The delay after every iteration. */
    public long delayMillis() {
        return delayMillis;
    }

    /** Asks the current run to end after its current iteration (it ends {@code interrupted}). */
    public void stop() {
        onControl(TrainingControl::stop);
    }

    /** Applies {@code action} to the current run's control, if there is a run. */
    private void onControl(Consumer<TrainingControl> action) {
        TrainingControl c = control;
        if (c != null) {
            action.accept(c);
        }
    }

    /**
     * Stops the current run and shuts the training thread down, waiting up to {@code timeoutMillis} for it to end.
     *
     * @return whether the training thread ended in time
     */
    public boolean close(long timeoutMillis) {
        closed = true;
        stop();
        executor.shutdown();
        try {
            if (executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return true;
            }
            executor.shutdownNow();
            return executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
            return false;
        }
    }

    /** {@link #close(long)} with a 10 s wait. */
    @Override
    public void close() {
        close(10_000);
    }
}
