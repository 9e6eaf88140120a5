package dev.lantern.app.lab;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.Snapshots;
import dev.lantern.agents.train.MetricSink;
import dev.lantern.agents.train.Recorder;
import dev.lantern.agents.train.RunContext;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.UpdateEvent;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.LevelFamily;
import dev.lantern.environments.api.LevelSplit;
import dev.lantern.environments.grid.GridWorld;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The lab's window onto a training run: a {@link Recorder} and {@link MetricSink} that lives on the training thread
 * and publishes what the FX thread draws, without ever handing it anything live.
 *
 * <p>Frames: at most every {@code frameIntervalMillis} during the updates of an iteration, and always when the run
 * starts, at the end of each iteration and at the end of the run, it takes a snapshot of the network
 * ({@link RunContext#snapshot()}, a private copy), evaluates every drawn state in ONE batch and publishes an immutable
 * {@link PolicyFrame} through an atomic reference (the FX thread reads the latest; older ones are dropped). Only the
 * snapshot of a frame made during the updates is taken on the training thread, and it is recycled: the copies behind
 * frames no one reads any more are refilled with the current parameters ({@link Snapshots#reusing}: a copy of the
 * parameter vector, where a new network copy cost milliseconds). Its states are evaluated by the feed's own thread
 * ({@code lantern-lab-frames}), which skips to the newest snapshot when it lags. The
 * observations of those states never change, so they are encoded once, when the run starts, by an environment like the
 * ones trained on ({@link RunContext#environments()}: the same map, time limit and observation).
 *
 * <p>Metrics: the ones the charts and status line use ({@code episode/...}, {@code loss/...}, {@code lca/...},
 * {@code eval/...}) are appended to a concurrent queue of small immutable records that the FX thread drains in batches
 * ({@link #drainMetrics}); nothing is posted per metric.
 *
 * <p>Where the run stands (phase, counts, outcome) is one immutable {@link Status}, replaced as a whole, so that a
 * reader sees all of it from the same moment.
 *
 * <p>Thread rules: the recorder callbacks and {@link #scalar} run on the training thread; {@link #status},
 * {@link #latestFrame} and {@link #drainMetrics} on any thread (the FX thread).
 */
public final class LiveFeed implements Recorder, MetricSink {

    /**
     * Default shortest time between two frames made during an iteration: the first update after it makes the next, so
     * with PPO's 3-5 ms updates a frame comes every 25-30 ms while the network changes, and the grid draws about 36
     * distinct frames a second (the lab's target is 30, lantern bench lab; at 20 ms it drew 40-44, costing training
     * more for frames no one needs).
     */
    public static final long DEFAULT_FRAME_INTERVAL_MILLIS = 25;

    /** Where a run stands, as the lab shows it. */
    public enum Phase {
        /** Building the agent and solving the map. */
        PREPARING,
        /** Training (possibly paused). */
        RUNNING,
        /** Ended: completed or stopped (see {@link Status#outcome()}). */
        ENDED,
        /** Could not start or crashed (see {@link Status#failure()}). */
        FAILED
    }

    /**
     * Where a run stands at one moment.
     *
     * @param phase      where the run stands
     * @param info       the run's world and solution, or null while preparing (and when it failed before starting)
     * @param outcome    how the run ended, or null while it runs
     * @param failure    why the run failed, or null
     * @param updates    optimizer steps applied so far
     * @param envSteps   environment steps collected so far
     * @param iterations iterations (rollout + updates) finished so far
     */
    public record Status(Phase phase, RunInfo info, RunOutcome outcome, String failure, long updates, long envSteps,
            long iterations) {

        static final Status PREPARING = new Status(Phase.PREPARING, null, null, null, 0, 0, 0);

        /** This status with {@code p}, the world {@code i} and the ending {@code o} and {@code why}. */
        Status with(Phase p, RunInfo i, RunOutcome o, String why) {
            return new Status(p, i, o, why, updates, envSteps, iterations);
        }

        /** This status with other counts. */
        Status withCounts(long u, long steps, long its) {
            return new Status(phase, info, outcome, failure, u, steps, its);
        }
    }

    private final LabSettings settings;
    private final long frameIntervalNanos;
    private final Queue<MetricPoint> metrics = new ConcurrentLinkedQueue<>();
    private final AtomicReference<PolicyFrame> frame = new AtomicReference<>();
    private final AtomicReference<Status> status = new AtomicReference<>(Status.PREPARING);
    private final AtomicReference<Snapshot> latestSnapshot = new AtomicReference<>();
    private final NeuronLca neuronLca = new NeuronLca();
    private final AtomicReference<Taken> pending = new AtomicReference<>();
    private final Object publishing = new Object();
    private final SnapshotPool pool = new SnapshotPool();
    private volatile boolean ended;
    private volatile SearchCapture searches;

    // training thread only
    private Snapshots snapshot;
    private FrameStates states;
    private long sequence;
    private long lastFrameNanos;
    private Thread evaluator;

    /**
     * @param settings            what the run was started with (shown with it in {@link #info()})
     * @param frameIntervalMillis shortest time between two frames made during an iteration, {@code >= 0}
     */
    public LiveFeed(LabSettings settings, long frameIntervalMillis) {
        if (frameIntervalMillis < 0) {
            throw new IllegalArgumentException("frameIntervalMillis must be >= 0, got " + frameIntervalMillis);
        }
        this.settings = settings;
        this.frameIntervalNanos = frameIntervalMillis * 1_000_000L;
    }

    /**
     * Learns the world when the run starts (training thread): which states to evaluate, and their observations.
     * Drawn states: every non-terminal free cell, for keys mask 0 and (on maps with keys) the mask with all keys,
     * wherever value iteration's state space contains the state.
     */
    private void prepare(RunInfo run) {
        states = new FrameStates(run);
        status.updateAndGet(now -> now.with(now.phase(), run, now.outcome(), now.failure()));
    }

    /**
     * Keeps the searches of a planning agent (call before the run starts, with the agent's
     * {@code observeSearches}): the frames then come from them ({@link FrameStates#frame(SearchCapture, long, long,
     * long)}) instead of evaluating the snapshot on every drawn state, and the lab draws the current search.
     */
    public SearchCapture captureSearches() {
        SearchCapture c = new SearchCapture();
        searches = c;
        return c;
    }

    /** The searches kept ({@link #captureSearches}), or null for an agent that does not search. */
    public SearchCapture searches() {
        return searches;
    }

    /** Marks the run as failed before or during training (any thread); the reason is shown to the user. */
    public void fail(String reason) {
        status.updateAndGet(now -> now.with(Phase.FAILED, now.info(), now.outcome(), reason));
    }

    @Override
    public void runStarted(RunContext run) {
        Environment env = run.environments() == null ? null : run.environments().get();
        if (env instanceof LevelFamily family) {
            env = family.level(LevelSplit.TRAIN, 0); // a level family is drawn on its named level (docs/procedural.md)
        }
        if (!(env instanceof GridWorld world)) {
            throw new IllegalStateException("the lab draws grid worlds; the run gives no grid world to draw");
        }
        prepare(RunInfo.of(settings, world));
        snapshot = run.snapshot();
        publishFrame(); // the untrained network first, so a RUNNING feed always has a frame
        evaluator = new Thread(this::evaluateFrames, "lantern-lab-frames");
        evaluator.setDaemon(true);
        evaluator.start();
        status.updateAndGet(now -> now.with(Phase.RUNNING, now.info(), now.outcome(), now.failure()));
    }

    @Override
    public void updateApplied(UpdateEvent event) {
        status.updateAndGet(now -> now.withCounts(event.update() + 1, event.envStep(), now.iterations()));
        if (System.nanoTime() - lastFrameNanos < frameIntervalNanos) {
            return;
        }
        lastFrameNanos = System.nanoTime(); // only the (recycled) copy here, the evaluation on the feed's thread
        Taken dropped = pending.getAndSet(take()); // an older one not yet evaluated is dropped
        if (dropped != null) {
            pool.spend(dropped.view());
        }
        LockSupport.unpark(evaluator);
    }

    @Override
    public void iterationEnded(long iteration, long envStep) {
        status.updateAndGet(now -> now.withCounts(now.updates(), envStep, iteration));
        neuronLca.iterationEnded(envStep);
        publishFrame();
    }

    @Override
    public void runEnded(RunOutcome result) {
        status.updateAndGet(now -> now.withCounts(result.updates(), result.envSteps(), now.iterations()));
        boolean failed = "failed".equals(result.status());
        ended = true;
        LockSupport.unpark(evaluator);
        if (!failed) {
            publishFrame();
        }
        status.updateAndGet(now -> now.with(failed ? Phase.FAILED : Phase.ENDED, now.info(), result,
                failed ? result.failure() : now.failure()));
    }

    @Override
    public void scalar(long step, String name, double value) {
        if (name.startsWith("episode/") || name.startsWith("loss/") || name.startsWith("lca/")
                || name.startsWith("eval/")) {
            metrics.add(new MetricPoint(step, name, value));
        }
    }

    /** Moves up to {@code max} queued metrics, oldest first, into {@code into}; returns how many. */
    public int drainMetrics(List<MetricPoint> into, int max) {
        return MetricPoint.drain(metrics, into, max);
    }

    /** The latest frame, or null before the first. */
    public PolicyFrame latestFrame() {
        return frame.get();
    }

    /**
     * The snapshot behind the latest frame, handed over: it is not recycled while any reader holds it, so the caller's
     * thread may inspect it (one thread at a time: the circuit view's analyst). A reader that is done with it says so
     * ({@link #giveBack}); one that never does keeps it to itself. Null before the first frame.
     */
    public Snapshot latestSnapshot() {
        synchronized (publishing) {
            Snapshot s = latestSnapshot.get();
            if (s != null) {
                pool.hold(s.view());
            }
            return s;
        }
    }

    /**
     * Says that the caller no longer reads {@code s} (from {@link #latestSnapshot}): once no reader holds it and a newer
     * frame replaced it, its copy may be refilled for a later frame. Any thread; {@code s} must not be used after.
     */
    public void giveBack(Snapshot s) {
        synchronized (publishing) {
            Snapshot latest = latestSnapshot.get();
            if (pool.release(s.view()) && (latest == null || latest.view() != s.view())) {
                pool.spend(s.view());
            }
        }
    }

    /**
     * Snapshots made so far as new network copies and as recycled ones ({@code [new, recycled]}): how much of the cost
     * of frames the recycling saves ({@code lantern bench lab}).
     */
    public long[] snapshotCounts() {
        return pool.counts();
    }

    /** The per-neuron loss change allocation of this run (empty, with {@code recorded() == false}, without LCA). */
    public NeuronLca neuronLca() {
        return neuronLca;
    }

    /**
     * A frame with the snapshot it was evaluated on.
     *
     * @param frame the frame
     * @param view  the snapshot (a private copy of the network; one thread at a time)
     */
    public record Snapshot(PolicyFrame frame, PolicyValueView view) {
    }

    /** Where the run stands now: phase, world, counts and outcome, all from the same moment. */
    public Status status() {
        return status.get();
    }

    /**
     * A snapshot taken on the training thread, with its number and counts, to be evaluated.
     *
     * @param view     the private copy of the network
     * @param sequence the frame's number
     * @param updates  updates applied when it was taken
     * @param envSteps env steps collected when it was taken
     */
    private record Taken(PolicyValueView view, long sequence, long updates, long envSteps) {
    }

    /**
     * Takes a snapshot (training thread): the network's copy, the only work the trainer waits for, into a spent copy
     * when there is one.
     */
    private Taken take() {
        Status now = status.get();
        return new Taken(pool.take(snapshot), sequence++, now.updates(), now.envSteps());
    }

    /** Takes a snapshot and publishes its frame at once (training thread: the run's start, iterations' ends, end). */
    private void publishFrame() {
        lastFrameNanos = System.nanoTime();
        publish(take());
    }

    /**
     * The frames made during updates, evaluated off the training thread ({@code lantern-lab-frames}): the newest
     * snapshot taken is evaluated and published, older ones not yet evaluated are skipped; ends with the run.
     */
    private void evaluateFrames() {
        while (!ended) {
            Taken t = pending.getAndSet(null);
            if (t == null) {
                LockSupport.park(this);
            } else {
                publish(t);
            }
        }
    }

    /**
     * Evaluates every drawn state in {@code t}'s snapshot in one batch and publishes the frame, unless a newer one is
     * out already (the training thread and the evaluator both publish; the numbers only go up).
     */
    private void publish(Taken t) {
        PolicyValueView view = t.view();
        SearchCapture planned = searches;
        PolicyFrame made = planned != null ? states.frame(planned, t.sequence(), t.updates(), t.envSteps())
                : states.frame(view, t.sequence(), t.updates(), t.envSteps());
        synchronized (publishing) {
            PolicyFrame out = frame.get();
            if (out == null || out.sequence() < made.sequence()) {
                frame.set(made);
                Snapshot replaced = latestSnapshot.getAndSet(new Snapshot(made, view));
                if (replaced != null) {
                    pool.spend(replaced.view()); // unless a reader holds it
                }
            } else {
                pool.spend(view);
            }
        }
    }
}
