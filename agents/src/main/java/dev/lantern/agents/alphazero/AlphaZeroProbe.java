package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.nn.ActorCriticNet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AlphaZero's training loss on a fixed probe set: positions sampled from the replay with their visit distributions
 * and outcomes frozen when the probe was taken (one probe per iteration). The loss is the trained one,
 * cross-entropy + squared value error (+ L2), which is smooth, so loss change allocation integrates it exactly.
 */
final class AlphaZeroProbe implements PinnedLoss {

    private final ActorCriticNet net;
    private final AlphaZeroLoss loss;
    private final float[] obs;
    private final float[] policy;
    private final boolean[] legal;
    private final float[] outcome;
    private final int size;
    private final long windowId;
    private final String description;

    AlphaZeroProbe(ActorCriticNet net, AlphaZeroLoss loss, float[] obs, float[] policy, boolean[] legal,
            float[] outcome, int size, long windowId, String description) {
        this.net = net;
        this.loss = loss;
        this.obs = obs;
        this.policy = policy;
        this.legal = legal;
        this.outcome = outcome;
        this.size = size;
        this.windowId = windowId;
        this.description = description;
    }

    @Override
    public long windowId() {
        return windowId;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public double lossAndGradient(INDArray params, INDArray gradientOut) {
        if (params != net.params()) {
            net.setParams(params);
        }
        AlphaZeroLoss.Result r = loss.compute(obs, policy, legal, outcome, size);
        gradientOut.assign(net.gradient());
        return r.total();
    }
}
