package dev.lantern.agents.planning;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.random.Seeds;

/**
 * The MCTS agent seen as a policy-value view: for an observation, the search from the state behind it. With
 * the mean backup the probabilities are the root's visit shares (the most visited action, ties to the lowest, is the
 * one the agent acts on) and the value the root's mean return; with the max backup they are one-hot on the action the
 * agent acts on (the first of the best sequence known, {@link GridPlanner#step}) and the value is the best return
 * found, the table of best returns being kept while the observations asked follow the view's own answers. The
 * {@code k}-th search of a view (counting from 0, over every call) is seeded with {@code Seeds.mix(seed + k)}: a fresh snapshot asked the
 * same observations in the same order answers the same, so every evaluation of a run is the same quantity. (Seeding by
 * the state alone would make the greedy policy a fixed function of the state, which a weak search can trap in a loop:
 * bumping into a wall leaves the state, and so the answer, unchanged until the time limit.) Thread-confined, like every
 * view.
 */
public final class MctsView implements PolicyValueView {

    private final GridPlanner planner;
    private final ObservedStates states;
    private final long seed;
    private long searches;

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
            GridPlanner.Step step = step(states.indexOf(observations, k * n));
            SearchTree<GridState> tree = step.tree();
            int[] visits = tree.visits();
            for (int a = 0; a < visits.length; a++) {
                probabilities[k * visits.length + a] = tree.byBest() ? (a == step.action() ? 1 : 0)
                        : visits[a] / (double) tree.simulations();
            }
            values[k] = tree.value();
        }
    }

    /**
     * A search from the state shown by {@code observation}, as {@link #evaluate} runs it (it counts as this view's
     * next search): the whole tree, with the visits, Q and priors of every node, for drawing.
     *
     * @throws IllegalArgumentException if the observation is not one of a reachable state, or that state is terminal
     */
    public SearchTree<GridState> search(float[] observation) {
        return step(states.indexOf(observation, 0)).tree();
    }

    private GridPlanner.Step step(int index) {
        return planner.step(states.state(index), 0, Seeds.mix(seed + searches++));
    }
}
