package dev.lantern.analysis.lca;

import dev.lantern.agents.api.SupportLoss;
import java.util.List;

/**
 * A {@link SupportLoss} as a {@link TermOracle} over vectors on its support (its parameters only, in ascending flat
 * index): the loss's terms when asked for them and it has several, else the whole loss as one function, as
 * {@link PinnedLossOracle} does over the full layout. Nothing is copied: the loss reads the point and writes the
 * gradients on the support itself.
 */
final class SupportOracle implements TermOracle {

    private final SupportLoss loss;
    private final List<String> terms;

    /**
     * @param loss  the loss
     * @param terms the terms it is split into ({@link PinnedLossOracle#termNames}), empty for the whole loss
     */
    SupportOracle(SupportLoss loss, List<String> terms) {
        this.loss = loss;
        this.terms = List.copyOf(terms);
    }

    @Override
    public int terms() {
        return Math.max(1, terms.size());
    }

    @Override
    public void evaluate(double[] theta, double[] valuesOut, double[][] gradientsOut) {
        if (terms.size() <= 1) {
            valuesOut[0] = loss.lossAndGradient(theta, gradientsOut[0]);
        } else {
            loss.termsAndGradients(theta, valuesOut, gradientsOut);
        }
    }
}
