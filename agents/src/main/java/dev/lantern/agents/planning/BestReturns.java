package dev.lantern.agents.planning;

import dev.lantern.agents.mcts.Node;
import dev.lantern.agents.mcts.SearchProblem;
import dev.lantern.environments.grid.GridState;
import java.util.HashMap;
import java.util.Map;

/**
 * A transposition table of max backups for a deterministic single-agent problem: per state, the best discounted
 * return of an action sequence simulated from it that ends in a terminal state, and that sequence's first action.
 * Every simulated step {@code s -a-> s'} with reward {@code r} offers {@code r + gamma * best(s')} to {@code s} once
 * {@code s'} has a known best (terminal states are worth 0), so pieces of different simulations join (a Bellman
 * backup over the visited states, Childs et al. 2008 on transpositions). Each best is the return of a sequence that
 * was actually simulated, so on a deterministic map it is a lower bound on the optimum, and following
 * {@link #bestAction} from a state realizes at least its best. Not thread-safe.
 */
final class BestReturns {

    /** A state's best known return and the action that starts it. */
    private record Entry(double value, int action) {
    }

    private final SearchProblem<GridState> problem;
    private final double gamma;
    private final Map<GridState, Entry> entries = new HashMap<>();
    private final double[] reward = new double[1];
    private GridState[] states = new GridState[16];
    private double[] rewards = new double[16];

    /**
     * @param problem the problem whose steps are replayed (its step counts are not the search's)
     * @param gamma   the discount per step
     */
    BestReturns(SearchProblem<GridState> problem, double gamma) {
        this.problem = problem;
        this.gamma = gamma;
    }

    /** The best known return from {@code state}: 0 if terminal, NaN if no sequence from it is known to end. */
    double best(GridState state) {
        if (problem.isTerminal(state)) {
            return 0;
        }
        Entry e = entries.get(state);
        return e == null ? Double.NaN : e.value;
    }

    /** The first action of the best known sequence from {@code state}, or -1 if none is known. */
    int bestAction(GridState state) {
        Entry e = entries.get(state);
        return e == null ? -1 : e.action;
    }

    /** Offers {@code reward + gamma * best(next)} to {@code state} by {@code action}; nothing if next is unknown. */
    private void offer(GridState state, int action, double stepReward, GridState next) {
        double after = best(next);
        if (Double.isNaN(after)) {
            return;
        }
        double value = stepReward + gamma * after;
        Entry e = entries.get(state);
        if (e == null || value > e.value) {
            entries.put(state, new Entry(value, action));
        }
    }

    /** Replays {@code actions} from {@code start} (until a terminal state) and backs the steps up, last first. */
    void playout(GridState start, int[] actions) {
        if (states.length < actions.length + 1) {
            states = new GridState[actions.length + 1];
            rewards = new double[actions.length + 1];
        }
        states[0] = start;
        int n = 0;
        while (n < actions.length && !problem.isTerminal(states[n])) {
            states[n + 1] = problem.step(states[n], actions[n], reward);
            rewards[n] = reward[0];
            n++;
        }
        for (int t = n - 1; t >= 0; t--) {
            offer(states[t], actions[t], rewards[t], states[t + 1]);
        }
    }

    /** Backs up every visited edge of the tree below {@code node}, children first. */
    void tree(Node<GridState> node) {
        for (Node<GridState> child : node.children()) {
            if (child.visits() > 0 && child.state() != null) {
                tree(child);
                offer(node.state(), child.action(), child.reward(), child.state());
            }
        }
    }
}
