package dev.lantern.agents.planning;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.random.Seeds;
import java.util.HashMap;
import java.util.Map;

/**
 * The MCTS agent seen as a policy-value view: for an observation, the search from the state behind it. The
 * probabilities are the root's visit shares (the greedy action, the most visited one with ties to the lowest, is the
 * action the agent acts on at temperature 0) and the value is the root's mean backed-up return. Each state's search
 * is seeded from the view's seed and the state's index alone, so the answer for a state is the same at every call and
 * in every snapshot of the run; it is computed once per snapshot and kept. Thread-confined, like every view.
 */
public final class MctsView implements PolicyValueView {

    private final GridPlanner planner;
    private final ObservedStates states;
    private final long seed;
    private final Map<Integer, SearchTree<GridState>> searched = new HashMap<>();

    MctsView(GridPlanner planner, ObservedStates states, long seed) {
        this.planner = planner;
        this.states = states;
        this.seed = seed;
    }

    @Override
    public int actionCount() {
        return 4;
    }

    @Override
    public int inputSize() {
        return states.inputSize();
    }

    @Override
    public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
        int n = inputSize();
        for (int k = 0; k < count; k++) {
            SearchTree<GridState> tree = tree(states.indexOf(observations, k * n));
            int[] visits = tree.visits();
            for (int a = 0; a < visits.length; a++) {
                probabilities[k * visits.length + a] = visits[a] / (double) tree.simulations();
            }
            values[k] = tree.value();
        }
    }

    /**
     * The whole tree of the search this view answers with from the state shown by {@code observation}: visits, Q
     * and priors of every node, for drawing.
     *
     * @throws IllegalArgumentException if the observation is not one of a reachable state, or that state is terminal
     */
    public SearchTree<GridState> search(float[] observation) {
        return tree(states.indexOf(observation, 0));
    }

    private SearchTree<GridState> tree(int index) {
        return searched.computeIfAbsent(index, i -> planner.search(states.state(i), 0, Seeds.mix(seed + i)));
    }
}
