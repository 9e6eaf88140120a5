package dev.lantern.agents.actorcritic;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.FieldChecks;
import java.util.List;

/**
 * Hyperparameters of the A2C agent (synchronous advantage actor-critic). Every field has a default
 * ({@link #defaults()}).
 *
 * @param numEnvs             environment copies stepped together; default 16
 * @param rolloutSteps        steps per copy between updates (the n of the n-step returns); default 8
 * @param learningRate        Adam's step size at update 0; default 3e-3
 * @param gamma               discount factor in [0, 1]; default 0.99
 * @param gaeLambda           GAE's λ in [0, 1]; 1 gives plain n-step returns (as the original A2C); default 0.95
 * @param valueCoef           weight of the value loss; default 0.5
 * @param entropyCoef         weight of the entropy bonus; default 0.01
 * @param maxGradNorm         global L2 norm the gradient is clipped to; 0 disables; default 0.5
 * @param hiddenSizes         widths of the two torso layers; default [64, 64]
 * @param normalizeAdvantages normalize the advantages of each rollout to mean 0, std 1; default false (as the
 *                            original; with sparse rewards and no success yet, normalizing turns noise into unit-size
 *                            advantages and the policy collapses)
 * @param annealLearningRate  let the learning rate fall linearly to 0 over the run's budget; default true
 */
public record A2cConfig(int numEnvs, int rolloutSteps, double learningRate, double gamma, double gaeLambda,
        double valueCoef, double entropyCoef, double maxGradNorm, List<Integer> hiddenSizes,
        boolean normalizeAdvantages, boolean annealLearningRate) implements AgentConfig {

    /** The {@code agent.type} of A2C. */
    public static final String TYPE = "a2c";

    public A2cConfig {
        hiddenSizes = List.copyOf(hiddenSizes);
    }

    /** The defaults documented on each field. */
    public static A2cConfig defaults() {
        return new A2cConfig(16, 8, 3e-3, 0.99, 0.95, 0.5, 0.01, 0.5, List.of(64, 64), false, true);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public long bufferedObservations() {
        return (long) numEnvs * rolloutSteps;
    }

    /**
     * The same learner as PPO settings: one epoch, one minibatch holding the whole rollout, no ratio clip. On data from
     * the current policy the ratio is 1 at the update's start, so PPO's surrogate {@code −mean(r A)} has exactly A2C's
     * policy gradient {@code −mean(∇log π(a|s) A)}.
     */
    public PpoConfig asPpo() {
        return new PpoConfig(numEnvs, rolloutSteps, 1, numEnvs * rolloutSteps, learningRate, gamma, gaeLambda,
                Double.POSITIVE_INFINITY, valueCoef, entropyCoef, maxGradNorm, hiddenSizes, normalizeAdvantages,
                annealLearningRate);
    }

    @Override
    public void validate(String path, List<String> problems) {
        // Checked through the PPO fields they map to; clipRange and epochs are fixed here and not user fields.
        List<String> ppo = new java.util.ArrayList<>();
        new PpoConfig(numEnvs, rolloutSteps, 1, Math.max(1, numEnvs * rolloutSteps), learningRate, gamma, gaeLambda,
                0.2, valueCoef, entropyCoef, maxGradNorm, hiddenSizes, normalizeAdvantages, annealLearningRate)
                .validate(path, ppo);
        for (String p : ppo) {
            if (!p.startsWith(path + ".minibatchSize")) {
                problems.add(p);
            }
        }
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
