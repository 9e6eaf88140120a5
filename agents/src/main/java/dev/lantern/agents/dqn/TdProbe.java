package dev.lantern.agents.dqn;

import dev.lantern.agents.api.TermedLoss;
import dev.lantern.agents.nn.PinnedProbe;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The TD loss on a fixed probe set, for loss change allocation: transitions sampled from replay at the start of a
 * window with their targets {@code y = R + d Q_target(s', a*)} computed once, with the target network (and, for double
 * DQN, the online network's choice of a*) as they were then. Only {@code Q(s, a)} moves with the parameters, so the
 * loss is a fixed, smooth function of θ for the whole window (unweighted mean Huber loss, as in training without
 * prioritized replay). Evaluated on the online network's private shadow. It has one term ({@link TermedLoss}),
 * {@code td}: the whole loss.
 */
public final class TdProbe extends PinnedProbe implements TermedLoss {

    private final TdObjective objective;
    private final INDArray observations;
    private final int[] actions;
    private final double[] targets;

    /**
     * @param objective    the loss bound to the trained network (evaluated on its {@link TdObjective#forShadow()})
     * @param observations {@code [P, inputSize]}, owned by this probe
     * @param actions      {@code [P]} taken actions
     * @param targets      {@code [P]} frozen targets
     * @param windowId     identifies this probe window
     * @param description  what the probe is, for the manifest
     */
    public TdProbe(TdObjective objective, INDArray observations, int[] actions, double[] targets, long windowId,
            String description) {
        super(objective.forShadow().net(), actions.length, windowId, description);
        this.objective = objective.forShadow();
        this.observations = observations;
        this.actions = actions.clone();
        this.targets = targets.clone();
    }

    /** The frozen targets (a copy). */
    public double[] targets() {
        return targets.clone();
    }

    @Override
    protected double evaluate() {
        return objective.evaluateFixed(observations, actions, targets, null).loss();
    }

    @Override
    public List<String> termNames() {
        return List.of("td");
    }

    /** {@inheritDoc} The one term is the whole loss: the same evaluation as {@link #lossAndGradient}. */
    @Override
    public void termsAndGradients(INDArray params, double[] termValuesOut, INDArray[] termGradientsOut) {
        termValuesOut[0] = lossAndGradient(params, termGradientsOut[0]);
    }
}
