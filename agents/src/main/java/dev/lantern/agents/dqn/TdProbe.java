package dev.lantern.agents.dqn;

import dev.lantern.agents.api.PinnedLoss;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The TD loss on a fixed probe set, for loss change allocation: transitions sampled from replay at the start of a
 * window with their targets {@code y = R + d Q_target(s', a*)} computed once, with the target network (and, for double
 * DQN, the online network's choice of a*) as they were then. Only {@code Q(s, a)} moves with the parameters, so the
 * loss is a fixed, smooth function of θ for the whole window (unweighted mean Huber loss, as in training without
 * prioritized replay).
 */
public final class TdProbe implements PinnedLoss {

    private final TdObjective objective;
    private final INDArray observations;
    private final int[] actions;
    private final double[] targets;
    private final long windowId;
    private final String description;

    /**
     * @param objective    the loss bound to the trained network
     * @param observations {@code [P, inputSize]}, owned by this probe
     * @param actions      {@code [P]} taken actions
     * @param targets      {@code [P]} frozen targets
     * @param windowId     identifies this probe window
     * @param description  what the probe is, for the manifest
     */
    public TdProbe(TdObjective objective, INDArray observations, int[] actions, double[] targets, long windowId,
            String description) {
        this.objective = objective;
        this.observations = observations;
        this.actions = actions.clone();
        this.targets = targets.clone();
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

    /** Number of probe transitions. */
    public int size() {
        return actions.length;
    }

    /** The frozen targets (a copy). */
    public double[] targets() {
        return targets.clone();
    }

    /** {@inheritDoc} Moves the network to {@code params} and leaves it there, as {@link PinnedLoss} documents. */
    @Override
    public double lossAndGradient(INDArray params, INDArray gradientOut) {
        if (params != objective.net().params()) {
            objective.net().setParams(params);
        }
        TdObjective.Evaluation e = objective.evaluate(observations, actions, targets, null);
        gradientOut.assign(objective.net().gradient());
        return e.loss();
    }
}
