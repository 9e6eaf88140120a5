package dev.lantern.app.lab;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.train.MetricSink;
import dev.lantern.agents.train.Recorder;
import dev.lantern.agents.train.RunContext;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.UpdateEvent;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameRegistry;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The lab's window onto a board-game run (AlphaZero): a {@link Recorder} and {@link MetricSink} on the training
 * thread that publishes what the game view draws, never anything live.
 *
 * <p>Snapshots: when the run starts, at the end of every iteration (one batch of self-play games and its updates) and
 * at the end of the run it takes ONE private copy of the network ({@link RunContext#snapshot()}) and publishes it
 * through an atomic reference; the training thread never uses it again, so the game view's own worker thread owns it
 * from then on (older unread snapshots are dropped). That copy is the only work the trainer does for the lab: every
 * search, exact solve and game the view shows runs on the view's thread.
 *
 * <p>Metrics: the ones the game charts use ({@code selfplay/...}, {@code loss/...}, {@code eval/...},
 * {@code time/selfplay_positions_per_second}) go into a concurrent queue drained in batches ({@link #drainMetrics}).
 *
 * <p>Thread rules: the recorder callbacks and {@link #scalar} run on the training thread; the rest on any thread.
 */
public final class GameFeed implements Recorder, MetricSink {

    /**
     * Where a game run stands at one moment.
     *
     * @param phase      where the run stands
     * @param outcome    how the run ended, or null while it runs
     * @param failure    why the run failed, or null
     * @param updates    optimizer steps applied so far
     * @param envSteps   self-play positions (moves) played so far
     * @param iterations iterations (self-play batch + updates) finished so far
     */
    public record Status(LiveFeed.Phase phase, RunOutcome outcome, String failure, long updates, long envSteps,
            long iterations) {

        static final Status PREPARING = new Status(LiveFeed.Phase.PREPARING, null, null, 0, 0, 0);
    }

    /**
     * A private copy of the network, handed over whole.
     *
     * @param view       the copy (probabilities over all actions, value for the player to move); one thread at a time
     * @param sequence   its number, counting from 0 at the run's start
     * @param iterations iterations finished when it was taken
     * @param envSteps   positions played when it was taken
     */
    public record Snapshot(PolicyValueView view, long sequence, long iterations, long envSteps) {
    }

    private final LabSettings settings;
    private final Game game;
    private final Queue<MetricPoint> metrics = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Status> status = new AtomicReference<>(Status.PREPARING);
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final SelfPlaySpeed speed = new SelfPlaySpeed();
    private Supplier<PolicyValueView> copies; // training thread only
    private long sequence; // training thread only

    /**
     * @param settings what the run was started with; its environment must be a registered game
     * @throws IllegalArgumentException if it is not
     */
    public GameFeed(LabSettings settings) {
        this.settings = settings;
        this.game = GameRegistry.make(settings.envId());
    }

    /** What the run was started with. */
    public LabSettings settings() {
        return settings;
    }

    /** The game trained on. */
    public Game game() {
        return game;
    }

    /** Marks the run as failed before or during training (any thread); the reason is shown to the user. */
    public void fail(String reason) {
        status.updateAndGet(s -> new Status(LiveFeed.Phase.FAILED, s.outcome(), reason, s.updates(), s.envSteps(),
                s.iterations()));
    }

    @Override
    public void runStarted(RunContext run) {
        copies = run.snapshot();
        publish();
        status.updateAndGet(s -> new Status(LiveFeed.Phase.RUNNING, null, null, s.updates(), s.envSteps(),
                s.iterations()));
    }

    @Override
    public void updateApplied(UpdateEvent event) {
        status.updateAndGet(s -> new Status(s.phase(), s.outcome(), s.failure(), event.update() + 1, event.envStep(),
                s.iterations()));
    }

    @Override
    public void iterationEnded(long iteration, long envStep) {
        status.updateAndGet(s -> new Status(s.phase(), s.outcome(), s.failure(), s.updates(), envStep, iteration));
        publish();
    }

    @Override
    public void runEnded(RunOutcome result) {
        boolean failed = "failed".equals(result.status());
        if (!failed) {
            publish();
        }
        status.updateAndGet(s -> new Status(failed ? LiveFeed.Phase.FAILED : LiveFeed.Phase.ENDED, result,
                failed ? result.failure() : s.failure(), result.updates(), result.envSteps(), s.iterations()));
    }

    @Override
    public void scalar(long step, String name, double value) {
        speed.scalar(step, name, value);
        if (name.startsWith("selfplay/") || name.startsWith("loss/") || name.startsWith("eval/")
                || name.equals(GameCharts.POSITIONS_PER_SECOND)) {
            metrics.add(new MetricPoint(step, name, value));
        }
    }

    /** Moves up to {@code max} queued metrics, oldest first, into {@code into}; returns how many. */
    public int drainMetrics(List<MetricPoint> into, int max) {
        return MetricPoint.drain(metrics, into, max);
    }

    /** Takes the newest snapshot not yet taken (the caller owns it from now on), or null if there is none. */
    public Snapshot takeSnapshot() {
        return snapshot.getAndSet(null);
    }

    /** The run's self-play speed so far. */
    public SelfPlaySpeed speed() {
        return speed;
    }

    /** Where the run stands now. */
    public Status status() {
        return status.get();
    }

    /** Copies the network (training thread: the only work the lab adds to it) and publishes the copy. */
    private void publish() {
        Status s = status.get();
        snapshot.set(new Snapshot(copies.get(), sequence++, s.iterations(), s.envSteps()));
    }
}
