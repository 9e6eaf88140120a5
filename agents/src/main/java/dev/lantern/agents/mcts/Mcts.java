package dev.lantern.agents.mcts;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Monte Carlo tree search: UCT (Kocsis and Szepesvári, 2006) with any {@link Evaluator}, typically
 * {@link RandomRolloutEvaluator}, or PUCT (Silver et al., 2017, AlphaZero) with a pluggable evaluator, Dirichlet noise
 * on the root priors and a temperature on the final choice.
 *
 * <p>One search: the root is expanded (its evaluation is not counted as a simulation), noise is mixed into its
 * priors ({@code P = (1 - fraction) * P + fraction * Dir(alpha)}) when {@link MctsConfig#dirichletFraction()} is
 * above 0, then every simulation descends by the tree policy to a node not yet expanded, a terminal node, or the
 * horizon; computes the state of each newly reached child once; expands and evaluates the leaf; and backs its value up
 * the path: {@code g <- reward + discount * sign * g}, with {@code sign = -1} in alternating games. So the visits of
 * the root's children sum to {@link MctsConfig#simulations()}.
 *
 * <p>Deviations: PUCT scores an unvisited child with {@code Q = 0} (AlphaZero's paper leaves it open; OpenSpiel does
 * the same); Q is not normalized to {@code [0, 1]}, so with grid-world rewards the constant should match the reward
 * scale. Children are created with their priors at expansion, their states lazily on first visit.
 *
 * <p>Seeded by {@link MctsConfig#seed()}: a given sequence of searches is reproducible if the evaluator is. Not
 * thread-safe; the search allocates only nodes, their action arrays, and what the problem's steps allocate.
 *
 * @param <S> the state type
 */
public final class Mcts<S> {

    private final SearchProblem<S> problem;
    private final Evaluator<S> evaluator;
    private final MctsConfig config;
    private final SplittableRandom random;
    private final int[] legalBuffer;
    private final double[] priorBuffer;
    private final double[] noiseBuffer;
    private final double[] reward = new double[1];
    private final double sign;
    private final double discount;
    private final boolean uct;
    private final boolean max;
    private Node<?>[] path = new Node<?>[64];

    /**
     * A search over {@code problem} with leaves judged by {@code evaluator}.
     *
     * @throws IllegalArgumentException if {@code config} is invalid; the message lists every problem
     */
    public Mcts(SearchProblem<S> problem, Evaluator<S> evaluator, MctsConfig config) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.config = Objects.requireNonNull(config, "config").checked("mcts");
        this.random = new SplittableRandom(config.seed());
        int n = problem.actionCount();
        this.legalBuffer = new int[n];
        this.priorBuffer = new double[n];
        this.noiseBuffer = new double[n];
        this.sign = problem.alternating() ? -1 : 1;
        this.discount = problem.discount();
        this.max = config.selection() == MctsConfig.Selection.MAX_UCT;
        this.uct = config.selection() == MctsConfig.Selection.UCT || max;
        if (max && problem.alternating()) {
            throw new IllegalArgumentException("selection MAX_UCT is for single-agent problems; this one alternates");
        }
    }

    /** The settings. */
    public MctsConfig config() {
        return config;
    }

    /**
     * Searches from {@code rootState} and returns the whole tree with the chosen action.
     *
     * @throws IllegalArgumentException if {@code rootState} is terminal
     */
    @SuppressWarnings("unchecked")
    public SearchTree<S> search(S rootState) {
        if (problem.isTerminal(rootState)) {
            throw new IllegalArgumentException("cannot search from a terminal state: " + rootState);
        }
        Node<S> root = new Node<>(-1, 1);
        root.state = rootState;
        int horizon = problem.horizon();
        expand(root, horizon);
        if (config.dirichletFraction() > 0) {
            addNoise(root);
        }
        int simulations = config.simulations();
        for (int sim = 0; sim < simulations; sim++) {
            Node<S> node = root;
            path[0] = root;
            int len = 1;
            int depth = 0;
            double value;
            while (true) {
                if (node.terminal) {
                    value = problem.terminalValue(node.state);
                    break;
                }
                if (depth >= horizon) {
                    value = 0;
                    break;
                }
                if (node.children == null) {
                    value = expand(node, horizon - depth);
                    break;
                }
                Node<S> child = uct ? selectUct(node) : node.puctChild(config.exploration());
                child.reach(problem, node.state, reward);
                if (len == path.length) {
                    path = Arrays.copyOf(path, len * 2);
                }
                path[len++] = child;
                node = child;
                depth++;
            }
            double g = value;
            double best = value;
            for (int i = len - 1; i >= 1; i--) {
                Node<S> n = (Node<S>) path[i];
                g = n.reward + discount * sign * g;
                n.valueSum += g;
                n.visits++;
                if (sign > 0) {
                    n.best = Math.max(n.best, n.reward + discount * best);
                    best = n.best;
                }
                path[i] = null;
            }
            root.valueSum += g;
            root.visits++;
            if (sign > 0) {
                root.best = Math.max(root.best, best);
            }
        }
        return new SearchTree<>(root, problem.actionCount(), simulations, config.temperature(), random, max);
    }

    @SuppressWarnings("unchecked")
    private double expand(Node<S> node, int remainingSteps) {
        int n = problem.legalActions(node.state, legalBuffer);
        if (n == 0) {
            throw new IllegalStateException("non-terminal state without legal actions: " + node.state);
        }
        double value = evaluator.evaluate(problem, node.state, legalBuffer, n, priorBuffer, remainingSteps);
        node.actions = Arrays.copyOf(legalBuffer, n);
        Node<S>[] children = (Node<S>[]) new Node<?>[n];
        for (int i = 0; i < n; i++) {
            children[i] = new Node<>(legalBuffer[i], priorBuffer[i]);
        }
        node.children = children;
        return value;
    }

    private void addNoise(Node<S> root) {
        int n = root.children.length;
        Dirichlet.sample(random::nextDouble, config.dirichletAlpha(), noiseBuffer, n);
        double f = config.dirichletFraction();
        for (int i = 0; i < n; i++) {
            Node<S> c = root.children[i];
            c.prior = (1 - f) * c.prior + f * noiseBuffer[i];
        }
    }

    private Node<S> selectUct(Node<S> parent) {
        Node<S>[] children = parent.children;
        double logN = Math.log(parent.visits);
        double c = config.exploration();
        Node<S> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Node<S> child : children) {
            int n = child.visits;
            if (n == 0) {
                return child;
            }
            double score = (max ? child.best : child.valueSum / n) + c * Math.sqrt(logN / n);
            if (score > bestScore) {
                bestScore = score;
                best = child;
            }
        }
        return best;
    }
}
