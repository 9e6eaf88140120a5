package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.TermedLoss;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.PinnedProbe;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AlphaZero's training loss on a fixed probe set: positions sampled from the replay with their visit distributions
 * and outcomes frozen when the probe was taken (one probe per iteration). The loss is the trained one,
 * cross-entropy + squared value error (+ L2), which is smooth, so loss change allocation integrates it exactly.
 * Evaluated on the trained network's private shadow. Its terms ({@link TermedLoss}) are
 * {@link AlphaZeroLoss#TERMS}.
 */
final class AlphaZeroProbe extends PinnedProbe implements TermedLoss {

    private final AlphaZeroLoss loss;
    private final float[] obs;
    private final float[] policy;
    private final boolean[] legal;
    private final float[] outcome;

    AlphaZeroProbe(ActorCriticNet net, AlphaZeroLoss loss, float[] obs, float[] policy, boolean[] legal,
            float[] outcome, int size, long windowId, String description) {
        super(loss.forShadow().net(), size, windowId, description);
        if (loss.net() != net) {
            throw new IllegalArgumentException("the loss is bound to another network than the probe's");
        }
        this.loss = loss.forShadow();
        this.obs = obs;
        this.policy = policy;
        this.legal = legal;
        this.outcome = outcome;
    }

    @Override
    protected double evaluate() {
        return loss.compute(obs, policy, legal, outcome, size()).total();
    }

    @Override
    public List<String> termNames() {
        return AlphaZeroLoss.TERMS;
    }

    @Override
    public void termsAndGradients(INDArray params, double[] termValuesOut, INDArray[] termGradientsOut) {
        moveTo(params);
        loss.computeTerms(obs, policy, legal, outcome, size(), termValuesOut, termGradientsOut);
    }
}
