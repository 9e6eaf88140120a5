package dev.lantern.agents.planning;

import dev.lantern.agents.mcts.Mcts;
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
    private long simulatedSteps;

    /**
     * @param world  the world whose rules are planned with; only its simulator is used, the world is never stepped
     * @param config the search's settings
     */
    GridPlanner(GridWorld world, MctsAgentConfig config) {
        this.world = world;
        this.config = config;
    }

    /**
     * Searches from {@code state}.
     *
     * @param temperature the final choice's temperature (0: the most visited action)
     * @param seed        seeds the rollouts and the temperature draw
     */
    SearchTree<GridState> search(GridState state, double temperature, long seed) {
        SearchProblem<GridState> problem = new Counted(new SimulatorProblem<>(world.simulator(), config.gamma(),
                config.horizon()));
        Mcts<GridState> mcts = new Mcts<>(problem, new RandomRolloutEvaluator<>(seed), config.search(temperature,
                Seeds.mix(seed)));
        return mcts.search(state);
    }

    /** Steps simulated by every search so far. */
    long simulatedSteps() {
        return simulatedSteps;
    }

    /** Sets the count of simulated steps, as a checkpoint saved it. */
    void restoreSimulatedSteps(long steps) {
        simulatedSteps = steps;
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
