package dev.lantern.app.lab;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.Inspectable;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.ConceptProbe;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.analysis.circuits.ProbeScore;
import dev.lantern.analysis.circuits.StateBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit view's worker: ONE background thread that takes the newest snapshot the {@link LiveFeed} handed over
 * (never one the trainer still uses), records an {@link ActivationAtlas} over every state, answers the view's
 * {@link CircuitRequest} (mean ablation of the selected neuron, integrated gradients of the hovered cell) and
 * publishes an immutable {@link CircuitFrame} through an atomic reference. Snapshots that arrive while it works are
 * skipped (only the newest is taken), never queued, and nothing here waits for or slows the training thread beyond
 * the CPU it uses, which is capped: after a frame that took t, the worker rests at least t (at most half a core).
 * Probe scores (about 0.1 s a table on four-rooms) are refreshed at most every {@value #PROBE_INTERVAL_MILLIS} ms, and
 * the attribution of an unchanged request (about 15 ms) on newer snapshots at most every
 * {@value #ATTRIBUTION_INTERVAL_MILLIS} ms; a new hover, target or baseline is answered at once.
 *
 * <p>Frozen, it keeps its snapshot and only answers new requests. Inactive (the circuit view is not shown), it does
 * nothing. {@link #close} ends the thread.
 */
final class CircuitAnalyst implements AutoCloseable {

    /** Shortest time between two probe tables. */
    static final long PROBE_INTERVAL_MILLIS = 3_000;
    /** Shortest time between two attributions of the same request on newer snapshots. */
    static final long ATTRIBUTION_INTERVAL_MILLIS = 1_000;
    /** Seed of the probes' held-out split. */
    static final long PROBE_SEED = 1;
    private static final long POLL_NANOS = 4_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(CircuitAnalyst.class);

    private final Thread thread;
    private final AtomicReference<CircuitFrame> latest = new AtomicReference<>();
    private volatile LiveFeed feed;
    private volatile CircuitRequest request = CircuitRequest.NONE;
    private volatile boolean frozen;
    private volatile boolean active;
    private volatile boolean closed;
    private volatile String failure;
    private volatile long framesMade;

    // analyst thread only
    private LiveFeed seenFeed;
    private StateBatch states;
    private long seenSequence = -1;
    private CircuitRequest seenRequest;
    private boolean seenFrozen;
    private ActivationAtlas atlas;
    private PolicyFrame policy;
    private Contributions contributions;
    private ProbeHistory probes = ProbeHistory.EMPTY;
    private long lastProbeNanos;
    private CircuitFrame.Ablated ablated;
    private CellAttribution attribution;
    private long lastAttributionNanos;

    /** Starts the (idle) worker thread. */
    CircuitAnalyst() {
        thread = new Thread(this::loop, "lantern-lab-circuits");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    /** Follows {@code f} (the current run's feed; null: none). */
    void follow(LiveFeed f) {
        feed = f;
        LockSupport.unpark(thread);
    }

    /** Replaces what is asked for; the next frame answers it. */
    void request(CircuitRequest r) {
        request = r;
        LockSupport.unpark(thread);
    }

    /** The current request. */
    CircuitRequest request() {
        return request;
    }

    /** Freezes (keeps the current snapshot) or thaws. */
    void setFrozen(boolean f) {
        frozen = f;
        LockSupport.unpark(thread);
    }

    /** Whether frames are made at all (the view is shown). */
    void setActive(boolean a) {
        active = a;
        LockSupport.unpark(thread);
    }

    /** The newest frame, or null. */
    CircuitFrame latest() {
        return latest.get();
    }

    /** Why the last frame could not be made, or null. */
    String failure() {
        return failure;
    }

    /** Frames made so far. */
    long framesMade() {
        return framesMade;
    }

    private void loop() {
        while (!closed) {
            LockSupport.parkNanos(POLL_NANOS);
            if (!active || closed) {
                continue;
            }
            try {
                long t0 = System.nanoTime();
                if (step()) {
                    LockSupport.parkNanos(System.nanoTime() - t0); // at most half a core
                }
                failure = null;
            } catch (RuntimeException e) {
                if (!e.toString().equals(failure)) {
                    LOG.warn("circuit view: {}", e.toString());
                }
                failure = e.toString();
                seenRequest = request; // do not retry the same thing at every poll
            }
        }
    }

    /** One look at the feed and the request; whether a frame was made. */
    private boolean step() {
        LiveFeed f = feed;
        if (f != seenFeed) {
            seenFeed = f;
            states = null;
            atlas = null;
            seenSequence = -1;
            probes = ProbeHistory.EMPTY;
            latest.set(null);
        }
        if (f == null || f.status().info() == null) {
            return false;
        }
        LiveFeed.Snapshot s = f.latestSnapshot();
        boolean fresh = s != null && s.frame().sequence() != seenSequence && (!frozen || atlas == null);
        CircuitRequest r = request;
        if (!fresh && r.equals(seenRequest) && frozen == seenFrozen) {
            return false;
        }
        if (fresh) {
            try {
                record(f, s);
            } finally {
                f.giveBack(s); // what record keeps is its own (the inspector's copy, the atlas)
            }
        } else if (s != null) {
            f.giveBack(s);
        }
        if (atlas == null) {
            return false;
        }
        if (fresh || !r.equals(seenRequest)) {
            answer(r, fresh);
        }
        seenRequest = r;
        seenFrozen = frozen;
        latest.set(new CircuitFrame(policy, states, activationsOf(atlas), hiddenOf(atlas), headNames(atlas),
                contributions, probes, ablated, attribution, frozen));
        framesMade++;
        return true;
    }

    private void record(LiveFeed f, LiveFeed.Snapshot s) {
        if (!(s.view() instanceof Inspectable inspectable)) {
            throw new IllegalStateException("this learner has no network to draw (a table)");
        }
        if (states == null) {
            states = StateBatch.of(f.status().info().newWorld());
        }
        InspectableNetwork net = inspectable.inspect();
        atlas = ActivationAtlas.record(net, states);
        contributions = Contributions.of(net);
        policy = s.frame();
        seenSequence = policy.sequence();
        long now = System.nanoTime();
        if (probes.columns().isEmpty() || now - lastProbeNanos >= PROBE_INTERVAL_MILLIS * 1_000_000L) {
            lastProbeNanos = now;
            probes = probes.with(policy.envSteps(), probeTable(atlas));
        }
    }

    /**
     * Every built-in concept that varies over the states, at every hidden layer and every head (not the input: a
     * one-hot input is 1,183 features on four-rooms, and its table alone took longer than the layers').
     */
    static List<ProbeScore> probeTable(ActivationAtlas atlas) {
        StateBatch st = atlas.states();
        List<Concept> concepts = List.of(Concept.agentRow(st), Concept.agentColumn(st), Concept.hasKey(st)).stream()
                .filter(c -> java.util.Arrays.stream(c.values()).distinct().count() > 1).toList(); // has key needs keys
        ConceptProbe probe;
        try {
            probe = new ConceptProbe(atlas, PROBE_SEED);
        } catch (IllegalArgumentException tooFewStates) {
            return List.of();
        }
        List<ProbeScore> rows = new ArrayList<>();
        List<String> sites = atlas.layers().stream().map(Site::name).toList();
        for (String site : sites) {
            for (Concept c : concepts) {
                rows.add(probe.probe(site, c));
            }
        }
        return rows;
    }

    private void answer(CircuitRequest r, boolean fresh) {
        CircuitRequest.Neuron n = r.neuron();
        boolean ablationStale = ablated == null || fresh || !ablated.neuron().equals(n);
        if (n == null || !r.ablate()) {
            ablated = null;
        } else if (ablationStale) {
            ablated = new CircuitFrame.Ablated(n, AblatedPolicy.of(new NeuronAblation(atlas), n, policy, states));
        }
        boolean due = System.nanoTime() - lastAttributionNanos >= ATTRIBUTION_INTERVAL_MILLIS * 1_000_000L;
        boolean attributionStale = attribution == null || fresh && due || !attribution.state().equals(r.hovered())
                || !attribution.target().equals(CellAttributions.targetName(atlas.network(), r.target()))
                || attribution.baseline() != r.baseline();
        if (r.hovered() == null) {
            attribution = null;
        } else if (attributionStale) {
            attribution = CellAttributions.of(atlas.network(), states, r.hovered(), r.target(), r.baseline());
            lastAttributionNanos = System.nanoTime();
        }
    }

    private static Map<String, Activations> activationsOf(ActivationAtlas atlas) {
        Map<String, Activations> m = new LinkedHashMap<>();
        for (Site s : atlas.layers()) {
            m.put(s.name(), atlas.activations(s.name()));
        }
        return m;
    }

    private static List<String> headNames(ActivationAtlas atlas) {
        return atlas.network().heads().stream().map(Site::name).toList();
    }

    private static List<String> hiddenOf(ActivationAtlas atlas) {
        List<String> heads = headNames(atlas);
        return atlas.layers().stream().map(Site::name).filter(s -> !heads.contains(s)).toList();
    }

    /** Ends the worker thread (waits up to a second). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the worker thread is still alive. */
    boolean alive() {
        return thread.isAlive();
    }
}
