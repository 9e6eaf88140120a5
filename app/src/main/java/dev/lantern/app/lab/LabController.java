package dev.lantern.app.lab;

import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.planning.SearchObservable;
import dev.lantern.agents.registry.Learners;
import dev.lantern.agents.train.Recorder;
import dev.lantern.agents.train.TrainingControl;
import dev.lantern.app.config.ConfigException;
import com.google.gson.JsonObject;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
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
    private volatile GameFeed gameFeed;
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

    /** On a game: evaluation matches every this many iterations when the learner's default plays none. */
    public static final int GAME_EVAL_EVERY_ITERATIONS = 40;
    /** On a game: games per opponent in those matches. */
    public static final int GAME_EVAL_GAMES = 10;

    /**
     * The experiment a lab run trains: the settings' learner with its default hyperparameters on the settings'
     * environment, seed, budget and LCA switch. On a board game the run also plays its evaluation matches every
     * {@value #GAME_EVAL_EVERY_ITERATIONS} iterations ({@value #GAME_EVAL_GAMES} games per opponent) when the
     * learner's defaults play none, so that the evaluation chart has points during training (the matches draw from
     * their own random stream: self-play and training are the same as without them).
     */
    public static Experiment experimentFor(LabSettings settings) {
        Experiment e = Experiment.defaults(Learners.find(settings.agentType()).defaults())
                .withEnvId(settings.envId()).withSeed(settings.seed())
                .withTotalEnvSteps(settings.totalEnvSteps()).withLca(settings.lca());
        if (!settings.game()) {
            return e;
        }
        JsonObject json = ExperimentLoader.toJson(e);
        JsonObject agent = json.getAsJsonObject("agent");
        if (agent.has("evalEveryIterations") && agent.get("evalEveryIterations").getAsInt() == 0) {
            agent.addProperty("evalEveryIterations", GAME_EVAL_EVERY_ITERATIONS);
            agent.addProperty("evalGames", GAME_EVAL_GAMES);
        }
        return ExperimentLoader.parse("lab", json.toString(), null);
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
        if (settings.game()) {
            throw new IllegalArgumentException(settings.envId() + " is a board game: start it with startGame");
        }
        TrainingControl c = newControl(startPaused);
        LiveFeed f = new LiveFeed(settings, frameIntervalMillis);
        feed = f;
        gameFeed = null;
        executor.execute(() -> train(settings, c, f, f::fail, run -> {
            if (run.agent() instanceof SearchObservable planner) { // draw the searches it runs, never search again
                planner.observeSearches(f.captureSearches());
            }
            ComputationGraph net = run.agent().network();
            f.neuronLca().attach(net == null ? null : run.lca(), net == null ? null : ParameterLayout.of(net));
        }));
        return f;
    }

    /**
     * Stops the current run (if any) and starts AlphaZero (or another board-game learner) on the settings' game: the
     * run is assembled and trained on the training thread through the same {@link ExperimentRun} path as a grid run,
     * observed by a {@link GameFeed} instead of a {@link LiveFeed} (then {@link #feed()} is null).
     *
     * @param startPaused whether the run waits for {@link #step()} or {@link #resume()} before its first iteration
     * @return the new run's feed
     * @throws IllegalArgumentException if the settings' environment is not a board game
     * @throws IllegalStateException    after {@link #close()}
     */
    public GameFeed startGame(LabSettings settings, boolean startPaused) {
        if (!settings.game()) {
            throw new IllegalArgumentException(settings.envId() + " is not a board game: start it with start");
        }
        TrainingControl c = newControl(startPaused);
        GameFeed f = new GameFeed(settings);
        gameFeed = f;
        feed = null;
        executor.execute(() -> train(settings, c, f, f::fail, run -> { }));
        return f;
    }

    /** Stops the current run and makes the next one's control (FX thread). */
    private TrainingControl newControl(boolean startPaused) {
        if (closed) {
            throw new IllegalStateException("the lab controller is closed");
        }
        stop();
        TrainingControl c = new TrainingControl();
        c.setDelayMillis(delayMillis);
        if (startPaused) {
            c.pause();
        }
        control = c;
        return c;
    }

    /** {@link #start(LabSettings, boolean)} running freely. */
    public LiveFeed start(LabSettings settings) {
        return start(settings, false);
    }

    private void train(LabSettings settings, TrainingControl control, Recorder observer, Consumer<String> fail,
            Consumer<ExperimentRun> attach) {
        if (control.stopRequested()) {
            fail.accept("stopped before it started");
            return;
        }
        try {
            Experiment experiment = experiments.apply(settings);
            ExperimentRun run = ExperimentRun.builder(experiment).observer(observer).control(control).build();
            attach.accept(run);
            run.run(); // a failure inside the loop comes back as status "failed" through the feed's runEnded
        } catch (ConfigException e) {
            LOG.error("lab run could not start: {}", e.getMessage());
            fail.accept(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.error("lab run failed: {}", e.toString(), e);
            fail.accept(e.toString());
        }
    }

    /** The current grid run's feed, or null before the first {@link #start} and while a game run is current. */
    public LiveFeed feed() {
        return feed;
    }

    /** The current game run's feed, or null while no game run ({@link #startGame}) is current. */
    public GameFeed gameFeed() {
        return gameFeed;
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
