package dev.lantern.agents.mcts;

import dev.lantern.agents.api.Decision;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * What one {@link Mcts#search(Object)} found: the whole tree from its {@link #root()}, per-action summaries of the
 * root (index = action id, {@code [actionCount]}), the action probabilities after temperature and the chosen action.
 * The explanation of an MCTS {@link Decision}. Immutable: arrays are returned as copies, and the nodes are not
 * changed after the search.
 *
 * @param <S> the state type
 */
public final class SearchTree<S> {

    private final Node<S> root;
    private final int simulations;
    private final int[] visits;
    private final double[] priors;
    private final double[] q;
    private final double[] policy;
    private final int action;
    private final boolean byBest;

    SearchTree(Node<S> root, int actionCount, int simulations, double temperature, SplittableRandom random,
            boolean byBest) {
        this.root = root;
        this.byBest = byBest;
        this.simulations = simulations;
        this.visits = new int[actionCount];
        this.priors = new double[actionCount];
        this.q = new double[actionCount];
        Arrays.fill(q, Double.NaN);
        for (Node<S> c : root.children) {
            visits[c.action] = c.visits;
            priors[c.action] = c.prior;
            q[c.action] = c.q();
        }
        this.policy = byBest && temperature == 0 ? bestPolicy(root, actionCount)
                : policy(root, actionCount, temperature);
        this.action = temperature == 0 ? argmax(policy) : sample(policy, random::nextDouble);
    }

    /**
     * Action probabilities {@code visits^(1/T) / sum}; at {@code T = 0} all mass on the most visited action, ties
     * going to the lowest action id.
     */
    static double[] policy(Node<?> root, int actionCount, double temperature) {
        double[] p = new double[actionCount];
        if (temperature == 0) {
            Node<?> best = null;
            for (Node<?> c : root.children) {
                if (best == null || c.visits > best.visits) {
                    best = c;
                }
            }
            p[best.action] = 1;
            return p;
        }
        double maxLog = Double.NEGATIVE_INFINITY;
        for (Node<?> c : root.children) {
            if (c.visits > 0) {
                maxLog = Math.max(maxLog, Math.log(c.visits) / temperature);
            }
        }
        double sum = 0;
        for (Node<?> c : root.children) {
            if (c.visits > 0) {
                p[c.action] = Math.exp(Math.log(c.visits) / temperature - maxLog);
                sum += p[c.action];
            }
        }
        for (int a = 0; a < actionCount; a++) {
            p[a] /= sum;
        }
        return p;
    }

    /** All mass on the child with the highest {@link Node#best()}, ties to the most visited, then the lowest action. */
    static double[] bestPolicy(Node<?> root, int actionCount) {
        Node<?> best = null;
        for (Node<?> c : root.children) {
            if (best == null || c.best > best.best || (c.best == best.best && c.visits > best.visits)) {
                best = c;
            }
        }
        double[] p = new double[actionCount];
        p[best.action] = 1;
        return p;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int a = 1; a < p.length; a++) {
            if (p[a] > p[best]) {
                best = a;
            }
        }
        return best;
    }

    /**
     * Draws an action with probability {@code p[a]} by one uniform draw from {@code uniform}, walking the actions in
     * order; the last action with positive probability if rounding leaves the draw unspent.
     *
     * @param p {@code [actionCount]} probabilities summing to 1 (up to rounding)
     */
    public static int sample(double[] p, DoubleSupplier uniform) {
        double u = uniform.getAsDouble();
        int last = -1;
        for (int a = 0; a < p.length; a++) {
            if (p[a] > 0) {
                last = a;
                u -= p[a];
                if (u < 0) {
                    return a;
                }
            }
        }
        return last;
    }

    /** The root: its state is the searched one, its visits equal {@link #simulations()}. */
    public Node<S> root() {
        return root;
    }

    /** Simulations run. */
    public int simulations() {
        return simulations;
    }

    /**
     * The chosen action: at temperature 0 the most visited (or, with {@link MctsConfig.Selection#MAX_UCT}, the one with
     * the best return, {@link Node#best()}), else drawn from {@link #policy()}.
     */
    public int action() {
        return action;
    }

    /** Visits of each root action, {@code [actionCount]}; 0 for illegal actions. Sums to {@link #simulations()}. */
    public int[] visits() {
        return visits.clone();
    }

    /** Root priors used by the search (after Dirichlet noise), {@code [actionCount]}; 0 for illegal actions. */
    public double[] priors() {
        return priors.clone();
    }

    /** Mean return of each root action for the player to move, {@code [actionCount]}; NaN if illegal or unvisited. */
    public double[] q() {
        return q.clone();
    }

    /** The action probabilities after temperature, {@code [actionCount]}. */
    public double[] policy() {
        return policy.clone();
    }

    /**
     * The root's value for the player to move: the mean of all backed-up returns, or with
     * {@link MctsConfig.Selection#MAX_UCT} the best return found ({@link Node#best()}).
     */
    public double value() {
        return byBest ? root.best : root.q();
    }

    /** Whether the final choice and {@link #value()} go by the best return found rather than visits and the mean. */
    public boolean byBest() {
        return byBest;
    }

    /** The decision: {@link #action()}, {@link #policy()} and {@link #value()}; this tree is its explanation. */
    public Decision decision() {
        return new Decision(action, policy(), value());
    }

    @Override
    public String toString() {
        return "SearchTree[action=" + action + ", simulations=" + simulations + ", visits=" + Arrays.toString(visits)
                + ", value=" + value() + "]";
    }
}
