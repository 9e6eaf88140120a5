package dev.lantern.app.lab;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.Snapshots;
import dev.lantern.agents.nn.FrozenView;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The snapshots behind a {@link LiveFeed}'s frames, recycled: the ones no one reads any more (spent) are refilled with
 * the current parameters for later frames ({@link Snapshots#reusing}), and one a reader holds is never spent until
 * every reader let it go. Thread-safe; {@link #take} on the training thread.
 */
final class SnapshotPool {

    /** Spent snapshots kept for recycling, at most. */
    private static final int SPARE = 3;

    private final Deque<PolicyValueView> spare = new ArrayDeque<>();
    private final Map<PolicyValueView, Integer> readers = new IdentityHashMap<>();
    private long made;
    private long recycled;

    /**
     * A snapshot from {@code source} (training thread): a spent one refilled when there is one, else a new copy.
     *
     * @throws IllegalStateException if the source hands back the spent view itself rather than a new view over it
     */
    PolicyValueView take(Snapshots source) {
        PolicyValueView reuse;
        synchronized (this) {
            reuse = spare.pollFirst();
        }
        PolicyValueView view = reuse == null ? source.get() : source.reusing(reuse);
        if (view == reuse) {
            throw new IllegalStateException("a recycled snapshot must be a new view over the spent copy");
        }
        synchronized (this) {
            if (reuse instanceof FrozenView<?> r && view instanceof FrozenView<?> f && f.net() == r.net()) {
                recycled++;
            } else {
                made++;
            }
        }
        return view;
    }

    /** One more reader holds {@code view}. */
    synchronized void hold(PolicyValueView view) {
        readers.merge(view, 1, Integer::sum);
    }

    /**
     * One reader lets {@code view} go; true if no reader holds it now.
     *
     * @throws IllegalArgumentException if no reader held it
     */
    synchronized boolean release(PolicyValueView view) {
        Integer n = readers.get(view);
        if (n == null) {
            throw new IllegalArgumentException("this snapshot was not handed out (or was given back already)");
        }
        if (n > 1) {
            readers.put(view, n - 1);
            return false;
        }
        readers.remove(view);
        return true;
    }

    /** {@code view} is no frame's any more: kept to be refilled, unless a reader holds it or enough are kept. */
    synchronized void spend(PolicyValueView view) {
        if (spare.size() < SPARE && !readers.containsKey(view)) {
            spare.addLast(view);
        }
    }

    /** Snapshots taken so far as new network copies and as recycled ones: {@code [new, recycled]}. */
    synchronized long[] counts() {
        return new long[] {made, recycled};
    }
}
