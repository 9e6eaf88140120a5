package dev.lantern.agents.planning;

import dev.lantern.agents.mcts.Evaluator;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.mcts.Mcts;
import dev.lantern.agents.mcts.MctsConfig;
import dev.lantern.agents.mcts.RandomRolloutEvaluator;
import dev.lantern.agents.mcts.SearchProblem;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.agents.mcts.SimulatorProblem;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.random.Seeds;

/**
 * One UCT search with random rollouts from a grid state, on a world's {@link GridWorld#simulator() simulator}: what
 * the MCTS agent acts on while training and what its snapshot answers with. Every search is a pure function of its
 * state, the config and its seed: the simulator is made afresh for it (on stochastic maps its outcome draws start from
 * the same seed every search) and the rollouts and the temperature draw come from the given seed.
 *
 * <p>It counts the steps the searches simulate (tree descents and rollouts together), which are not environment
 * steps. Not thread-safe.
 */
final class GridPlanner {

    private final GridWorld world;
    private final MctsAgentConfig config;
    private final NetworkEvaluator network;
    private long simulatedSteps;
    private final double[] reward = new double[1];
    /** The max backups kept between the searches of one episode; null before its first. */
    private BestReturns bests;
    /** The state the last action leads to: the next search keeps {@link #bests} only if it starts there. */
    private GridState expected;

    /**
     * @param world  the world whose rules are planned with; only its simulator is used, the world is never stepped
     * @param config the search's settings
     */
    GridPlanner(GridWorld world, MctsAgentConfig config) {
        this(world, config, null);
    }

    /**
     * A planner whose searches are PUCT with {@code network}'s prior and value at the leaves instead of rollouts
     * (AlphaZero's search without noise; {@code exploration} is {@code c_puct}; the mean backup, no table), or the
     * rollout planner when {@code network} is null.
     *
     * @throws IllegalArgumentException if the network's inputs or actions are not the world's
     */
    GridPlanner(GridWorld world, MctsAgentConfig config, PolicyValueView network) {
        this.world = world;
        this.config = config;
        this.network = network == null ? null : new NetworkEvaluator(network, world);
    }

    /** One search and the action taken on it. */
    record Step(SearchTree<GridState> tree, int action) {
    }

    /**
     * Searches from {@code state} and chooses the action. With the max backup at temperature 0, every simulated step
     * (tree and playouts) is backed up into a table of the best returns per state ({@link BestReturns}), kept while
     * the searches follow the actions taken (one episode), and the action is the first of the best sequence known from
     * {@code state}; otherwise, or when none is known to end, the tree's ({@link SearchTree#action()}).
     *
     * @param temperature the final choice's temperature (0: greedy)
     * @param seed        seeds the rollouts and the temperature draw
     */
    Step step(GridState state, double temperature, long seed) {
        SimulatorProblem<GridState> plain = new SimulatorProblem<>(world.simulator(), config.gamma(), config.horizon());
        SearchProblem<GridState> problem = new Counted(plain);
        boolean keep = network == null && temperature == 0 && config.maxBackup();
        if (!keep || bests == null || !state.equals(expected)) {
            bests = keep ? new BestReturns(plain, config.gamma()) : null;
        }
        RandomRolloutEvaluator<GridState> rollouts = new RandomRolloutEvaluator<>(seed);
        Evaluator<GridState> evaluator = network != null ? network : keep ? new Recorded(rollouts, bests) : rollouts;
        MctsConfig search = config.search(temperature, Seeds.mix(seed));
        if (network != null) {
            search = search.withPuct(config.exploration());
        }
        Mcts<GridState> mcts = new Mcts<>(problem, evaluator, search);
        SearchTree<GridState> tree = mcts.search(state);
        int action = tree.action();
        if (keep) {
            bests.tree(tree.root());
            if (bests.bestAction(state) >= 0) {
                action = bests.bestAction(state);
            }
            expected = plain.step(state, action, reward);
        }
        return new Step(tree, action);
    }

    /** Forgets the kept best returns (a new episode). */
    void forgetPlan() {
        bests = null;
    }

    /** Steps simulated by every search so far. */
    long simulatedSteps() {
        return simulatedSteps;
    }

    /** Sets the count of simulated steps, as a checkpoint saved it. */
    void restoreSimulatedSteps(long steps) {
        simulatedSteps = steps;
    }

    /** Random playouts whose every step is backed up into the table of best returns. */
    private record Recorded(RandomRolloutEvaluator<GridState> rollouts, BestReturns bests)
            implements Evaluator<GridState> {

        @Override
        public double evaluate(SearchProblem<GridState> problem, GridState state, int[] legal, int legalCount,
                double[] priors, int remainingSteps) {
            double v = rollouts.evaluate(problem, state, legal, legalCount, priors, remainingSteps);
            bests.playout(state, rollouts.lastPlayout());
            return v;
        }
    }

    /** The problem with every step counted. */
    private final class Counted implements SearchProblem<GridState> {

        private final SearchProblem<GridState> inner;

        Counted(SearchProblem<GridState> inner) {
            this.inner = inner;
        }

        @Override
        public int actionCount() {
            return inner.actionCount();
        }

        @Override
        public boolean isTerminal(GridState state) {
            return inner.isTerminal(state);
        }

        @Override
        public int legalActions(GridState state, int[] out) {
            return inner.legalActions(state, out);
        }

        @Override
        public GridState step(GridState state, int action, double[] reward) {
            simulatedSteps++;
            return inner.step(state, action, reward);
        }

        @Override
        public double terminalValue(GridState state) {
            return inner.terminalValue(state);
        }

        @Override
        public boolean alternating() {
            return false;
        }

        @Override
        public double discount() {
            return inner.discount();
        }

        @Override
        public int horizon() {
            return inner.horizon();
        }
    }
}
