package dev.lantern.agents.actorcritic;

import dev.lantern.agents.api.SupportLoss;
import dev.lantern.agents.api.TermedLoss;
import dev.lantern.agents.nn.FixedInputPass;
import dev.lantern.agents.nn.PinnedProbe;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A PPO loss on a fixed probe set: states from one rollout with their actions, behaviour log-probabilities,
 * advantages and returns frozen when the probe was taken. {@link PpoAgent} uses the trained loss without the ratio
 * clip (identical inside the clip range, smooth everywhere), so its allocation says which parameters moved the
 * training objective, measured on data that does not move. Evaluated by the same fast pass as training, on the
 * trained network's private shadow. Its terms ({@link TermedLoss}) are {@link PpoLoss#TERMS}. On its support
 * ({@link SupportLoss}: every parameter but the first-layer weights from inputs that are zero in every probe state) it
 * is evaluated by a {@link FixedInputPass}, made on first use.
 */
public final class ProbeLoss extends PinnedProbe implements TermedLoss, SupportLoss {

    private final ActorCriticObjective objective;
    private final INDArray observations;
    private final PpoTargets targets;
    private FixedInputPass fixedPass;

    /**
     * @param objective    the loss bound to the trained network (evaluated on its {@link ActorCriticObjective#forShadow()})
     * @param observations {@code [P, inputSize]}, owned by this probe
     * @param targets      frozen targets, {@code [P]}
     * @param windowId     identifies this probe window
     * @param description  what the probe is, for the manifest
     */
    public ProbeLoss(ActorCriticObjective objective, INDArray observations, PpoTargets targets, long windowId,
            String description) {
        super(objective.forShadow().net(), targets.size(), windowId, description);
        this.objective = objective.forShadow();
        this.observations = observations;
        this.targets = targets;
    }

    @Override
    protected double evaluate() {
        return objective.evaluateFixed(observations, targets).parts().total();
    }

    private FixedInputPass fixedPass() {
        if (fixedPass == null) {
            fixedPass = objective.fixedInputPass(observations);
        }
        return fixedPass;
    }

    @Override
    public int[] support() {
        return fixedPass().support();
    }

    @Override
    public double lossAndGradient(double[] theta, double[] gradientOut) {
        return objective.evaluateOnSupport(fixedPass(), targets, theta, gradientOut);
    }

    @Override
    public void termsAndGradients(double[] theta, double[] termValuesOut, double[][] termGradientsOut) {
        objective.evaluateTermsOnSupport(fixedPass(), targets, theta, termValuesOut, termGradientsOut);
    }

    @Override
    public List<String> termNames() {
        return PpoLoss.TERMS;
    }

    @Override
    public void termsAndGradients(INDArray params, double[] termValuesOut, INDArray[] termGradientsOut) {
        moveTo(params);
        objective.evaluateTerms(observations, targets, termValuesOut, termGradientsOut);
    }
}
