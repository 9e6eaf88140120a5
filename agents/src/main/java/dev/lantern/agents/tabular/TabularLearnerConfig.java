package dev.lantern.agents.tabular;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.FieldChecks;
import java.util.List;

/**
 * Hyperparameters of the tabular learner in experiment files ({@code "agent": {"type": "tabular"}}): one-step
 * Q-learning or SARSA on a table keyed by the full grid state ({@link TabularLearner}). The budget is the experiment's
 * {@code training.totalEnvSteps} and the seed its run seed.
 *
 * @param algorithm         {@code q-learning} (off-policy) or {@code sarsa} (on-policy); default q-learning
 * @param learningRate      the step size α in (0, 1]; default 0.5
 * @param gamma             discount factor in [0, 1]; default 0.99
 * @param epsilonStart      exploration rate ε at environment step 0, in [0, 1]; default 1.0
 * @param epsilonEnd        ε from step {@code epsilonDecaySteps} on, in [0, 1]; default 0.05
 * @param epsilonDecaySteps environment steps over which ε falls linearly; default 20000
 */
public record TabularLearnerConfig(Algorithm algorithm, double learningRate, double gamma,
        double epsilonStart, double epsilonEnd, long epsilonDecaySteps) implements AgentConfig {

    /** The TD control rule. */
    public enum Algorithm {
        /** Off-policy: bootstraps from {@code max_a Q(s', a)} (Sutton & Barto eq. 6.8). */
        Q_LEARNING,
        /** On-policy: bootstraps from {@code Q(s', a')}, {@code a'} the action actually taken next (eq. 6.7). */
        SARSA
    }

    /** The {@code agent.type} of the tabular learner. */
    public static final String TYPE = "tabular";

    /** The defaults documented on each field. */
    public static TabularLearnerConfig defaults() {
        return new TabularLearnerConfig(Algorithm.Q_LEARNING, 0.5, 0.99, 1.0, 0.05, 20_000);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@inheritDoc} None: a table keeps no observations. */
    @Override
    public long bufferedObservations() {
        return 0;
    }

    /**
     * The exploration rate after {@code step} environment steps: {@code epsilonStart + (epsilonEnd - epsilonStart) *
     * min(1, step / epsilonDecaySteps)}, or {@code epsilonEnd} when {@code epsilonDecaySteps == 0}.
     */
    public double epsilonAt(long step) {
        if (epsilonDecaySteps <= 0 || step >= epsilonDecaySteps) {
            return epsilonEnd;
        }
        double fraction = Math.max(0, step) / (double) epsilonDecaySteps;
        return epsilonStart + (epsilonEnd - epsilonStart) * fraction;
    }

    @Override
    public void validate(String path, List<String> problems) {
        FieldChecks check = new FieldChecks(path, problems);
        check.unitExcludingZero("learningRate", learningRate);
        check.unit("gamma", gamma);
        check.unit("epsilonStart", epsilonStart);
        check.unit("epsilonEnd", epsilonEnd);
        check.nonNegative("epsilonDecaySteps", epsilonDecaySteps);
    }

    /** {@link #gamma()}. */
    @Override
    public java.util.OptionalDouble discount() {
        return java.util.OptionalDouble.of(gamma);
    }
}
