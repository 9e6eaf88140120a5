package dev.lantern.agents.api;

/**
 * A {@link PinnedLoss} that depends on a fixed subset of the parameters only, its support, and is evaluated there:
 * parameter vectors and gradients are given on the support, one entry per parameter of {@link #support()}.
 *
 * <p>A probe whose inputs are zero in some columns for every state is one: a first-layer weight from such an input
 * never enters the loss, so the loss is constant in it and its gradient is exactly zero (on the four-rooms grid most of
 * the first layer, and most of the network). Loss change allocation then integrates over the support only; every
 * other parameter's allocation is exactly zero, as it is when the full gradient is integrated.
 *
 * <p>Evaluated on the same private network as the loss's other methods, only on the training thread, and only on the
 * {@link ComputePath#HOST_BUFFERS} path (its evaluation reads and writes host buffers).
 */
public interface SupportLoss extends PinnedLoss {

    /**
     * The flat indices of the parameters the loss depends on, ascending, in the network's layout; the same array
     * every call (do not change it). The loss does not change when any other parameter does.
     */
    int[] support();

    /**
     * The loss and its gradient at a parameter vector given on the support.
     *
     * @param theta       the parameters on the support: {@code theta[k]} is parameter {@code support()[k]}
     * @param gradientOut receives dL/dθ on the support, {@code [support().length]}
     * @return L(theta)
     */
    double lossAndGradient(double[] theta, double[] gradientOut);

    /**
     * Each term of the loss with its own gradient on the support: the terms of {@link TermedLoss#termNames()} for a
     * loss that has them, else the whole loss as its one term.
     *
     * @param theta            the parameters on the support, as for {@link #lossAndGradient(double[], double[])}
     * @param termValuesOut    receives each term's value as it enters the loss, {@code [terms]}
     * @param termGradientsOut receives each term's gradient on the support, {@code [terms][support().length]}
     */
    void termsAndGradients(double[] theta, double[] termValuesOut, double[][] termGradientsOut);
}
