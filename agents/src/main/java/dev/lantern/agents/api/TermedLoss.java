package dev.lantern.agents.api;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link PinnedLoss} that is a sum of named terms, each evaluated with its own gradient: PPO's and A2C's policy,
 * value and entropy terms, DQN's one TD term, AlphaZero's policy, value and L2 terms. Loss change allocation splits a
 * step's allocation by term with it; the terms' values add up to {@link #lossAndGradient}'s loss (up to rounding).
 *
 * <p>Like every pinned loss it runs on a private network, never on the trained one, and only on the training thread.
 */
public interface TermedLoss extends PinnedLoss {

    /** The terms' names in the order {@link #termsAndGradients} writes them (e.g. {@code policy, value, entropy}). */
    List<String> termNames();

    /**
     * Evaluates every term at {@code params}, each as it enters the loss (coefficients and signs applied: PPO's
     * entropy term is {@code −c_e H}).
     *
     * @param params           flat parameter vector, the network's layout
     * @param termValuesOut    receives each term's value, {@code [terms]}
     * @param termGradientsOut receives each term's gradient dTerm/dθ, {@code [terms]} arrays shaped like {@code params}
     */
    void termsAndGradients(INDArray params, double[] termValuesOut, INDArray[] termGradientsOut);
}
