package dev.lantern.app.lab;

import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ObjIntConsumer;

/**
 * The searches a planning agent ran, as the lab keeps them: the latest whole tree (for the tree tab and the visit
 * overlay) and, per state searched from, its latest root result (for the grid's arrows and values). Fed on the
 * training thread by the agent ({@code SearchObservable.observeSearches}) with the trees it acts on, read on any
 * thread; the trees are immutable, so nothing is copied.
 */
public final class SearchCapture implements ObjIntConsumer<SearchTree<GridState>> {

    /** Actions of a grid world. */
    static final int ACTIONS = GridWorld.ACTION_LABELS.size();

    /**
     * The latest search.
     *
     * @param tree   its whole tree
     * @param number searches before it in this run (0 for the first)
     * @param action the action the agent took on it (with the max backup not always {@code tree.action()})
     */
    public record Latest(SearchTree<GridState> tree, long number, int action) {
    }

    /**
     * What one search found at its root.
     *
     * @param visitShares each action's share of the root's simulations, {@code [4]}
     * @param value       the root's mean backed-up return
     */
    public record RootResult(double[] visitShares, double value) {
    }

    private final AtomicReference<Latest> latest = new AtomicReference<>();
    private final Map<GridState, RootResult> results = new ConcurrentHashMap<>();
    private long count;

    /** Keeps {@code tree} and the action taken on it (the agent's thread). */
    @Override
    public void accept(SearchTree<GridState> tree, int action) {
        int[] visits = tree.visits();
        double[] shares = new double[ACTIONS];
        for (int a = 0; a < Math.min(ACTIONS, visits.length); a++) {
            shares[a] = visits[a] / (double) Math.max(1, tree.simulations());
        }
        results.put(tree.root().state(), new RootResult(shares, tree.value()));
        latest.set(new Latest(tree, count++, action));
    }

    /** The latest search, or null before the first. */
    public Latest latest() {
        return latest.get();
    }

    /** The latest search's root result from {@code state}, or null if the agent has not searched from it. */
    public RootResult result(GridState state) {
        return results.get(state);
    }

    /** States searched from so far. */
    public int statesSearched() {
        return results.size();
    }
}
