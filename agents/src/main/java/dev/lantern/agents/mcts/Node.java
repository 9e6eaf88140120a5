package dev.lantern.agents.mcts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of a search tree: the state reached by {@link #action()} from its parent, its visit count, the sum of
 * the returns backed up through it, its prior, and its children by action.
 *
 * <p>{@link #valueSum()} and {@link #q()} are from the point of view of the player who chose {@link #action()}
 * (the player to move at the parent), so a parent picks the child with the highest {@code q}; they include the
 * reward of the step into this node. Only {@link Mcts} changes a node; once a {@link SearchTree} is returned its
 * nodes never change again.
 *
 * @param <S> the state type
 */
public final class Node<S> {

    final int action;
    double prior;
    int visits;
    double valueSum;
    /** Highest return of any simulation through this node, from here on (see {@link #best()}). */
    double best = Double.NEGATIVE_INFINITY;
    /** Reward of the step into this node, for the player who moved; set when the state is first computed. */
    double reward;
    /** The state, computed when the node is first visited; null before. */
    S state;
    boolean terminal;
    /** Legal actions of {@link #state}, ascending; null until expanded. */
    int[] actions;
    /** Children parallel to {@link #actions}; null until expanded. */
    Node<S>[] children;

    Node(int action, double prior) {
        this.action = action;
        this.prior = prior;
    }

    /** The action that led here from the parent; -1 at the root. */
    public int action() {
        return action;
    }

    /** The prior of {@link #action()} at the parent (after root noise, if any); 1 at the root. */
    public double prior() {
        return prior;
    }

    /** Simulations that passed through this node. */
    public int visits() {
        return visits;
    }

    /** Sum of the returns backed up through this node, for the player who chose {@link #action()}. */
    public double valueSum() {
        return valueSum;
    }

    /**
     * The highest return found through this node: the reward of the step into it plus the discounted best of its
     * state, where a state's best is the largest of its own leaf evaluation and its visited children's bests (a max,
     * or Bellman, backup). Kept in single-agent searches only ({@link SearchProblem#alternating()} false); there, on a
     * deterministic problem with rollout evaluation, it is the return of an action sequence that was actually
     * simulated (a sequence cut by the horizon counting 0 from there), so it never exceeds the optimum where that 0
     * does not. Negative infinity if never visited
     * or in alternating games.
     */
    public double best() {
        return best;
    }

    /** Mean return {@code valueSum / visits}; NaN if never visited. */
    public double q() {
        return visits == 0 ? Double.NaN : valueSum / visits;
    }

    /** Reward of the step into this node, for the player who moved (always 0 in board games). */
    public double reward() {
        return reward;
    }

    /** The state of this node; null if it was never visited. */
    public S state() {
        return state;
    }

    /** Whether the state is terminal (false if it was never visited). */
    public boolean isTerminal() {
        return terminal;
    }

    /** Whether the children have been created. */
    public boolean isExpanded() {
        return children != null;
    }

    /** The children in ascending action order; empty if not expanded. */
    public List<Node<S>> children() {
        if (children == null) {
            return List.of();
        }
        List<Node<S>> list = new ArrayList<>(children.length);
        Collections.addAll(list, children);
        return Collections.unmodifiableList(list);
    }

    /** The child reached by {@code action}, or null if there is none (not expanded, or not legal). */
    public Node<S> child(int action) {
        if (children != null) {
            for (Node<S> c : children) {
                if (c.action == action) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Number of nodes in this subtree, this one included. */
    public int subtreeSize() {
        int n = 1;
        if (children != null) {
            for (Node<S> c : children) {
                n += c.subtreeSize();
            }
        }
        return n;
    }

    /**
     * On the first visit, computes this node's state from its parent's by {@link #action()}, with the step's reward
     * and whether the state is terminal; later visits change nothing.
     *
     * @param reward a one-element scratch array for {@link SearchProblem#step}
     */
    void reach(SearchProblem<S> problem, S parentState, double[] reward) {
        if (state == null) {
            state = problem.step(parentState, action, reward);
            this.reward = reward[0];
            terminal = problem.isTerminal(state);
        }
    }

    /**
     * The child with the highest PUCT score {@code q + cPuct * sqrt(visits) * prior / (1 + n)} (q = 0 for an unvisited
     * child), the first in action order on ties; only on an expanded node. {@link Mcts} and {@link LockstepPuct}
     * both select by this one rule.
     */
    Node<S> puctChild(double cPuct) {
        double scale = cPuct * Math.sqrt(visits);
        Node<S> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Node<S> child : children) {
            int n = child.visits;
            double q = n == 0 ? 0 : child.valueSum / n;
            double score = q + scale * child.prior / (1 + n);
            if (score > bestScore) {
                bestScore = score;
                best = child;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "Node[action=" + action + ", visits=" + visits + ", q=" + q() + ", prior=" + prior + "]";
    }
}
