package dev.lantern.agents.mcts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * PUCT searches from many roots at once, in lockstep: every simulation step descends once in each tree, collects the
 * new leaves of all trees, has them judged by ONE {@link BatchEvaluator} call (one network forward pass on a
 * {@code [leaves, features]} batch), then expands them and backs up every tree. Used for batched self-play.
 *
 * <p>Each tree follows exactly the rule of {@link Mcts} with {@link MctsConfig.Selection#PUCT}: the root is expanded
 * first (not counted as a simulation), Dirichlet noise is mixed into each root's priors in root order when the
 * fraction is above 0, and a simulation stops at a terminal node (its {@link SearchProblem#terminalValue} needs no
 * evaluation), at the horizon (value 0) or at a node not yet expanded (evaluated in the batch). So with the same
 * evaluator, each tree equals the tree of a separate {@link Mcts#search} on the same root, bit for bit, when there is
 * no noise; with noise it equals it for a single root driven by the same uniform stream. A batch therefore holds at
 * most one leaf per root, fewer when some simulations end at terminal nodes.
 *
 * <p>The returned trees are built at temperature 0 ({@link SearchTree#action()} is the most visited action, ties to
 * the lowest); callers that want a temperature sample from {@link SearchTree#visits()} with their own stream.
 * Not thread-safe.
 *
 * @param <S> the state type
 */
public final class LockstepPuct<S> {

    private final SearchProblem<S> problem;
    private final BatchEvaluator<S> evaluator;
    private final int simulations;
    private final double cPuct;
    private final double sign;
    private final double discount;
    private final double[] noise;
    private final double[] reward = new double[1];
    private long batches;
    private long leaves;

    /**
     * @param simulations simulations per root, {@code >= 1}
     * @param cPuct       PUCT's exploration constant, {@code >= 0}
     * @throws IllegalArgumentException if a number is out of range
     */
    public LockstepPuct(SearchProblem<S> problem, BatchEvaluator<S> evaluator, int simulations, double cPuct) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        if (simulations < 1 || simulations > MctsConfig.MAX_SIMULATIONS) {
            throw new IllegalArgumentException("simulations must be in [1, " + MctsConfig.MAX_SIMULATIONS + "], got "
                    + simulations);
        }
        if (!(cPuct >= 0) || Double.isInfinite(cPuct)) {
            throw new IllegalArgumentException("cPuct must be finite and >= 0, got " + cPuct);
        }
        this.simulations = simulations;
        this.cPuct = cPuct;
        this.sign = problem.alternating() ? -1 : 1;
        this.discount = problem.discount();
        this.noise = new double[problem.actionCount()];
    }

    /** Evaluator calls (batches) made so far by this search. */
    public long batches() {
        return batches;
    }

    /** Leaves evaluated so far (the sum of all batch sizes). */
    public long leaves() {
        return leaves;
    }

    /**
     * Searches from every root in lockstep.
     *
     * @param roots             non-terminal states, at least one
     * @param dirichletAlpha    concentration of the root noise, {@code > 0} when the fraction is above 0
     * @param dirichletFraction weight of the root noise in {@code [0, 1]}; 0 = none
     * @param uniform           uniform draws in {@code [0, 1)} for the noise; may be null when the fraction is 0
     * @return one tree per root, in root order
     * @throws IllegalArgumentException if a root is terminal or the noise settings are invalid
     */
    @SuppressWarnings("unchecked")
    public List<SearchTree<S>> search(List<S> roots, double dirichletAlpha, double dirichletFraction,
            DoubleSupplier uniform) {
        int n = roots.size();
        if (n == 0) {
            throw new IllegalArgumentException("no roots to search");
        }
        if (!(dirichletFraction >= 0 && dirichletFraction <= 1)) {
            throw new IllegalArgumentException("dirichletFraction must be in [0, 1], got " + dirichletFraction);
        }
        if (dirichletFraction > 0 && (!(dirichletAlpha > 0) || uniform == null)) {
            throw new IllegalArgumentException("noise needs alpha > 0 (got " + dirichletAlpha + ") and a uniform stream");
        }
        int horizon = problem.horizon();
        Node<S>[] rootNodes = (Node<S>[]) new Node<?>[n];
        for (int g = 0; g < n; g++) {
            S s = roots.get(g);
            if (problem.isTerminal(s)) {
                throw new IllegalArgumentException("cannot search from a terminal state: " + s);
            }
            rootNodes[g] = new Node<>(-1, 1);
            rootNodes[g].state = s;
        }
        Node<S>[][] paths = (Node<S>[][]) new Node<?>[n][16];
        int[] lengths = new int[n];
        double[] leafValues = new double[n];
        Node<S>[] pending = (Node<S>[]) new Node<?>[n];
        int[] pendingGame = new int[n];
        int[] pendingSteps = new int[n];
        for (int g = 0; g < n; g++) {
            pending[g] = rootNodes[g];
            pendingGame[g] = g;
            pendingSteps[g] = horizon;
        }
        expandBatch(pending, pendingGame, pendingSteps, n, leafValues);
        if (dirichletFraction > 0) {
            for (Node<S> root : rootNodes) {
                int k = root.children.length;
                Dirichlet.sample(uniform, dirichletAlpha, noise, k);
                for (int i = 0; i < k; i++) {
                    Node<S> c = root.children[i];
                    c.prior = (1 - dirichletFraction) * c.prior + dirichletFraction * noise[i];
                }
            }
        }
        for (int sim = 0; sim < simulations; sim++) {
            int count = 0;
            for (int g = 0; g < n; g++) {
                Node<S> node = rootNodes[g];
                Node<S>[] path = paths[g];
                path[0] = node;
                int len = 1;
                int depth = 0;
                while (true) {
                    if (node.terminal) {
                        leafValues[g] = problem.terminalValue(node.state);
                        break;
                    }
                    if (depth >= horizon) {
                        leafValues[g] = 0;
                        break;
                    }
                    if (node.children == null) {
                        pending[count] = node;
                        pendingGame[count] = g;
                        pendingSteps[count] = horizon - depth;
                        count++;
                        break;
                    }
                    Node<S> child = node.puctChild(cPuct);
                    child.reach(problem, node.state, reward);
                    if (len == path.length) {
                        path = Arrays.copyOf(path, len * 2);
                        paths[g] = path;
                    }
                    path[len++] = child;
                    node = child;
                    depth++;
                }
                lengths[g] = len;
            }
            if (count > 0) {
                expandBatch(pending, pendingGame, pendingSteps, count, leafValues);
            }
            for (int g = 0; g < n; g++) {
                backup(paths[g], lengths[g], leafValues[g]);
            }
        }
        List<SearchTree<S>> trees = new ArrayList<>(n);
        for (Node<S> root : rootNodes) {
            trees.add(new SearchTree<>(root, problem.actionCount(), simulations, 0, null, false));
        }
        return trees;
    }

    /** Evaluates {@code pending[0..count)} in one call and creates their children; values go to their games. */
    @SuppressWarnings("unchecked")
    private void expandBatch(Node<S>[] pending, int[] pendingGame, int[] pendingSteps, int count, double[] leafValues) {
        List<S> states = new ArrayList<>(count);
        int[][] legal = new int[count][];
        int[] legalCounts = new int[count];
        double[][] priors = new double[count][];
        double[] values = new double[count];
        int actions = problem.actionCount();
        for (int i = 0; i < count; i++) {
            S s = pending[i].state;
            states.add(s);
            legal[i] = new int[actions];
            legalCounts[i] = problem.legalActions(s, legal[i]);
            if (legalCounts[i] == 0) {
                throw new IllegalStateException("non-terminal state without legal actions: " + s);
            }
            priors[i] = new double[legalCounts[i]];
        }
        evaluator.evaluateBatch(problem, states, legal, legalCounts, priors, values,
                Arrays.copyOf(pendingSteps, count));
        batches++;
        leaves += count;
        for (int i = 0; i < count; i++) {
            Node<S> node = pending[i];
            int k = legalCounts[i];
            node.actions = Arrays.copyOf(legal[i], k);
            Node<S>[] children = (Node<S>[]) new Node<?>[k];
            for (int j = 0; j < k; j++) {
                children[j] = new Node<>(legal[i][j], priors[i][j]);
            }
            node.children = children;
            leafValues[pendingGame[i]] = values[i];
            pending[i] = null;
        }
    }

    private void backup(Node<S>[] path, int len, double value) {
        double g = value;
        for (int i = len - 1; i >= 1; i--) {
            Node<S> node = path[i];
            g = node.reward + discount * sign * g;
            node.valueSum += g;
            node.visits++;
            path[i] = null;
        }
        path[0].valueSum += g;
        path[0].visits++;
    }
}
