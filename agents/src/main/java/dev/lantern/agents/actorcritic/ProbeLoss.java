package dev.lantern.agents.actorcritic;

import dev.lantern.agents.api.PinnedLoss;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A PPO loss on a fixed probe set: states from one rollout with their actions, behaviour log-probabilities,
 * advantages and returns frozen when the probe was taken. {@link PpoAgent} uses the trained loss without the ratio
 * clip (identical inside the clip range, smooth everywhere), so its allocation says which parameters moved the
 * training objective, measured on data that does not move.
 */
public final class ProbeLoss implements PinnedLoss {

    private final ActorCriticObjective objective;
    private final INDArray observations;
    private final PpoTargets targets;
    private final long windowId;
    private final String description;

    /**
     * @param objective    the loss bound to the trained network
     * @param observations {@code [P, inputSize]}, owned by this probe
     * @param targets      frozen targets, {@code [P]}
     * @param windowId     identifies this probe window
     * @param description  what the probe is, for the manifest
     */
    public ProbeLoss(ActorCriticObjective objective, INDArray observations, PpoTargets targets, long windowId,
            String description) {
        this.objective = objective;
        this.observations = observations;
        this.targets = targets;
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

    /** Number of probe states. */
    public int size() {
        return targets.size();
    }

    @Override
    public double lossAndGradient(INDArray params, INDArray gradientOut) {
        if (params != objective.net().params()) {
            objective.net().setParams(params);
        }
        ActorCriticObjective.Evaluation e = objective.evaluate(observations, targets);
        gradientOut.assign(objective.net().gradient());
        return e.parts().total();
    }
}
