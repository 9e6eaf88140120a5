package dev.lantern.agents.actorcritic;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.FieldChecks;
import java.util.List;

/**
 * Hyperparameters of the PPO agent. Every field has a default ({@link #defaults()}) chosen to solve the small grid
 * worlds quickly on a 2-core CPU.
 *
 * @param numEnvs             environment copies stepped together (the batch of each forward pass); default 16
 * @param rolloutSteps        steps per copy per iteration; an iteration collects {@code numEnvs * rolloutSteps}
 *                            transitions; default 64
 * @param epochs              passes over each rollout; default 4
 * @param minibatchSize       samples per gradient step; must divide the rollout size; default 256
 * @param learningRate        Adam's step size at update 0; default 2e-3
 * @param gamma               discount factor in [0, 1]; default 0.99
 * @param gaeLambda           GAE's λ in [0, 1]; default 0.95
 * @param clipRange           PPO's ε, the ratio clip; default 0.2
 * @param valueCoef           weight of the value loss c_v; default 0.5
 * @param entropyCoef         weight of the entropy bonus c_e; default 0.02 (with 0.01, 2 of 10 seeds on four-rooms
 *                            collapsed to a looping deterministic policy: one before ever reaching the goal, one after)
 * @param maxGradNorm         global L2 norm the gradient is clipped to; 0 disables; default 0.5
 * @param hiddenSizes         widths of the two torso layers; default [64, 64]
 * @param normalizeAdvantages normalize advantages per minibatch to mean 0, std 1; default true
 * @param annealLearningRate  let the learning rate fall linearly to 0 over the run's budget (as CleanRL); default true
 */
public record PpoConfig(int numEnvs, int rolloutSteps, int epochs, int minibatchSize, double learningRate,
        double gamma, double gaeLambda, double clipRange, double valueCoef, double entropyCoef, double maxGradNorm,
        List<Integer> hiddenSizes, boolean normalizeAdvantages, boolean annealLearningRate) implements AgentConfig {

    /** The {@code agent.type} of PPO. */
    public static final String TYPE = "ppo";

    public PpoConfig {
        hiddenSizes = List.copyOf(hiddenSizes);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public long bufferedObservations() {
        return rolloutSize();
    }

    /** The defaults documented on each field. */
    public static PpoConfig defaults() {
        return new PpoConfig(16, 64, 4, 256, 2e-3, 0.99, 0.95, 0.2, 0.5, 0.02, 0.5, List.of(64, 64), true, true);
    }

    /** Optimizer steps per iteration: {@code epochs * rolloutSize / minibatchSize}. */
    public int updatesPerIteration() {
        return epochs * (rolloutSize() / minibatchSize);
    }

    /** Largest accepted {@code numEnvs * rolloutSteps}. */
    public static final int MAX_ROLLOUT_SIZE = 1 << 20;

    /** Optimizer steps in a run of {@code totalEnvSteps} (the last iteration runs whole). */
    public long updatesFor(long totalEnvSteps) {
        long iterations = (totalEnvSteps + rolloutSize() - 1) / rolloutSize();
        return iterations * updatesPerIteration();
    }

    /** Transitions collected per iteration. */
    public int rolloutSize() {
        return numEnvs * rolloutSteps;
    }

    /**
     * Checks every field and adds one message per problem, each naming its field under {@code path}
     * (e.g. {@code agent.learningRate: must be > 0, got -1}).
     */
    @Override
    public void validate(String path, List<String> problems) {
        FieldChecks check = new FieldChecks(path, problems);
        check.inRange("numEnvs", numEnvs, 1, 4096);
        check.inRange("rolloutSteps", rolloutSteps, 1, 1 << 20);
        check.inRange("epochs", epochs, 1, 1000);
        check.inRange("minibatchSize", minibatchSize, 1, MAX_ROLLOUT_SIZE);
        long rollout = (long) numEnvs * rolloutSteps;
        if (rollout > MAX_ROLLOUT_SIZE) {
            problems.add(path + ".rolloutSteps: numEnvs * rolloutSteps must be at most " + MAX_ROLLOUT_SIZE + ", got "
                    + rollout);
        } else if (numEnvs > 0 && rolloutSteps > 0 && minibatchSize > 0 && rollout % minibatchSize != 0) {
            problems.add(path + ".minibatchSize: must divide numEnvs * rolloutSteps = " + rolloutSize() + ", got "
                    + minibatchSize);
        }
        check.positive("learningRate", learningRate);
        check.unit("gamma", gamma);
        check.unit("gaeLambda", gaeLambda);
        if (!(clipRange > 0 && clipRange < 1)) {
            problems.add(path + ".clipRange: must be in (0, 1), got " + clipRange);
        }
        check.nonNegative("valueCoef", valueCoef);
        check.nonNegative("entropyCoef", entropyCoef);
        check.nonNegative("maxGradNorm", maxGradNorm);
        check.hiddenSizes(hiddenSizes);
    }

    /** {@inheritDoc} A {@code learningRate} above 1. */
    @Override
    public void warnings(String path, List<String> warnings) {
        new FieldChecks(path, warnings).largeLearningRate("learningRate", learningRate);
    }

    /** {@link #gamma()}. */
    @Override
    public java.util.OptionalDouble discount() {
        return java.util.OptionalDouble.of(gamma);
    }
}
