package dev.lantern.agents.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss held fixed across training steps so that its change can be attributed to parameters: a probe set of states
 * with frozen targets (advantages, returns, behaviour log-probabilities, TD targets...), evaluated at any parameter
 * vector. Loss change allocation (DESIGN.md) integrates the gradient of such a loss along each update.
 *
 * <p>Evaluation runs on a private network of the trained one's shape (moved to the given parameters, and left
 * there), never on the trained network: its parameters, outputs and gradient buffer are untouched. Only the training
 * thread may call it.
 */
public interface PinnedLoss {

    /** Identifies the probe window; a new id means a new probe set (and a new loss). */
    long windowId();

    /** What the loss is and on what data, for the manifest and reports (e.g. "ppo objective on 256 probe states"). */
    String description();

    /**
     * Evaluates the loss at {@code params} and writes its gradient into {@code gradientOut}.
     *
     * @param params      flat parameter vector, the network's layout
     * @param gradientOut receives dL/dθ, same shape as {@code params}
     * @return L(params)
     */
    double lossAndGradient(INDArray params, INDArray gradientOut);
}
