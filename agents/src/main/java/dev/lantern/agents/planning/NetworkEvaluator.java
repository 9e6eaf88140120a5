package dev.lantern.agents.planning;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.mcts.Evaluator;
import dev.lantern.agents.mcts.SearchProblem;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;

/**
 * PUCT's leaf evaluation from a trained network on a grid world: the state is encoded as {@code world} encodes its
 * observations, the prior is the network's action probabilities (renormalized over the legal actions) and the value its
 * value head, with no rollout. The value head estimates the return discounted by the network's own run's gamma, so
 * the search should discount by the same. Not thread-safe (one observation buffer).
 */
final class NetworkEvaluator implements Evaluator<GridState> {

    private final PolicyValueView network;
    private final GridWorld world;
    private final float[] observation;
    private final double[] probabilities;
    private final double[] value = new double[1];

    /**
     * @param network the trained policy and value; its input must be the world's observation
     * @param world   encodes states as the network's run observed them
     * @throws IllegalArgumentException if the network's input size or action count differ from the world's
     */
    NetworkEvaluator(PolicyValueView network, GridWorld world) {
        int inputs = world.spec().observationSize();
        if (network.inputSize() != inputs || network.actionCount() != world.spec().actionCount()) {
            throw new IllegalArgumentException("the network takes " + network.inputSize() + " inputs and has "
                    + network.actionCount() + " actions; " + world.spec().id() + " shows " + inputs + " and has "
                    + world.spec().actionCount());
        }
        this.network = network;
        this.world = world;
        this.observation = new float[inputs];
        this.probabilities = new double[network.actionCount()];
    }

    @Override
    public double evaluate(SearchProblem<GridState> problem, GridState state, int[] legal, int legalCount,
            double[] priors, int remainingSteps) {
        world.encode(state, observation, 0);
        network.evaluate(observation, 1, probabilities, value);
        double sum = 0;
        for (int i = 0; i < legalCount; i++) {
            sum += probabilities[legal[i]];
        }
        for (int i = 0; i < legalCount; i++) {
            priors[i] = sum > 0 ? probabilities[legal[i]] / sum : 1.0 / legalCount;
        }
        return value[0];
    }
}
