package dev.lantern.app.lab;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.FrozenView;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.MinimaxSolution;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The game view's ONE background thread ({@code lantern-lab-game}): every search, exact solve and move the view
 * shows is computed here, on the newest network snapshot the {@link GameFeed} handed over, never on the FX thread and
 * never on the training thread. The FX thread only submits requests and picks up results.
 *
 * <p>Analyses coalesce: only the newest requested position is analysed (older requests not yet started are dropped),
 * and its result replaces the previous one in an atomic reference ({@link #latest()}). Moves and games come back as
 * futures. A snapshot handed over ({@link #adopt}) is taken up at the start of the next job, so one job sees one
 * network. The thread runs at the lowest priority so that training keeps its core.
 */
final class GameWorker implements AutoCloseable {

    /**
     * What a job sees: the analyst and the snapshot it works with (null before the first).
     *
     * @param analyst  the computations
     * @param snapshot the newest network snapshot taken up, or null
     */
    record Context(GameAnalyst analyst, GameFeed.Snapshot snapshot) {

        /** The snapshot's network view. */
        PolicyValueView view() {
            if (snapshot == null) {
                throw new IllegalStateException("no network snapshot yet");
            }
            return snapshot.view();
        }
    }

    /**
     * A position to analyse.
     *
     * @param state       the position
     * @param simulations the search's simulations
     * @param depth       the alpha-beta depth (connect-four)
     */
    record Request(GameState state, int simulations, int depth) {
    }

    /** How many of the newest snapshots the worker keeps, so a shown analysis' network can still be copied. */
    static final int RECENT_SNAPSHOTS = 4;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lantern-lab-game");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicReference<GameFeed.Snapshot> incoming = new AtomicReference<>();
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicReference<PositionAnalysis> latest = new AtomicReference<>();
    private final GameAnalyst analyst; // worker thread only
    private GameFeed.Snapshot current; // worker thread only
    private final Deque<GameFeed.Snapshot> recent = new ArrayDeque<>(); // worker thread only, newest first
    private volatile long analyses;
    private volatile MinimaxSolution solved;

    /** A worker for {@code game}, its search at {@code cPuct}, its opponents seeded by {@code seed}. */
    GameWorker(Game game, double cPuct, long seed) {
        this.analyst = new GameAnalyst(game, cPuct, seed);
    }

    /** Hands a snapshot over (any thread); the worker owns it from now on and takes it up at its next job. */
    void adopt(GameFeed.Snapshot snapshot) {
        if (snapshot != null) {
            incoming.set(snapshot);
        }
    }

    /** Asks for the analysis of a position; only the newest request not yet started is computed. */
    void analyse(Request request) {
        pending.set(request);
        executor.execute(() -> {
            Request r = pending.getAndSet(null);
            if (r == null) {
                return; // a later job took it
            }
            Context c = context();
            if (c.snapshot() == null && !r.state().isTerminal()) {
                pending.compareAndSet(null, r); // asked again when a snapshot comes
                return;
            }
            latest.set(c.analyst().analyse(c.snapshot() == null ? null : c.view(),
                    c.snapshot() == null ? -1 : c.snapshot().sequence(), r.state(), r.simulations(), r.depth()));
            solved = c.analyst().solution();
            analyses++;
        });
    }

    /** Re-runs the newest request left waiting for a snapshot, if any. */
    void retryPending() {
        Request r = pending.get();
        if (r != null) {
            analyse(r);
        }
    }

    /** The newest finished analysis, or null. */
    PositionAnalysis latest() {
        return latest.get();
    }

    /** Tic-tac-toe's exact solution once an analysis has computed it (immutable), else null. */
    MinimaxSolution solutionIfSolved() {
        return solved;
    }

    /** Analyses finished so far. */
    long analyses() {
        return analyses;
    }

    /**
     * A private copy of the network of snapshot {@code sequence} (the one an analysis was computed with), for the
     * caller alone (e.g. the tree view's circuits on the FX thread), made on the worker thread, which is the only
     * user of its snapshots; completes with null when that snapshot is no longer kept (one of the last
     * {@value #RECENT_SNAPSHOTS}) or its network cannot be inspected.
     */
    CompletableFuture<InspectableNetwork> networkCopy(long sequence) {
        return submit(c -> {
            for (GameFeed.Snapshot s : recent) {
                if (s.sequence() == sequence && s.view() instanceof FrozenView<?> f
                        && f.net() instanceof ActorCriticNet net) {
                    return net.copy().inspect();
                }
            }
            return null;
        });
    }

    /** Runs {@code job} on the worker with the newest snapshot. */
    <T> CompletableFuture<T> submit(Function<Context, T> job) {
        return CompletableFuture.supplyAsync(() -> job.apply(context()), executor);
    }

    /** Takes up the newest handed-over snapshot (worker thread). */
    private Context context() {
        GameFeed.Snapshot s = incoming.getAndSet(null);
        if (s != null) {
            current = s;
            recent.addFirst(s);
            while (recent.size() > RECENT_SNAPSHOTS) {
                recent.removeLast();
            }
        }
        return new Context(analyst, current);
    }

    /** Ends the worker thread (jobs not started are dropped). */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
