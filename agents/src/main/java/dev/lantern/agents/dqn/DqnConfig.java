package dev.lantern.agents.dqn;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.FieldChecks;
import java.util.List;

/**
 * Hyperparameters of the DQN agent. Every field has a default ({@link #defaults()}) chosen to solve the small grid
 * worlds ({@code grid/four-rooms-v1}, {@code grid/key-door-v1}) within {@link #DEFAULT_BUDGET} environment steps on
 * one CPU core: 3 of 3 seeds on each reach the optimal return, in 60–100 s a run (see {@link DqnAgent} for the
 * figures).
 *
 * <p><b>Target network.</b> {@code tau} selects the kind of update, {@code targetUpdateInterval} how often it happens:
 * {@code tau = 1} is a hard copy {@code θ' ← θ} every {@code targetUpdateInterval} updates (Mnih et al. 2015);
 * {@code tau} in {@code (0, 1)} is Polyak averaging {@code θ' ← τ θ + (1 − τ) θ'} every {@code targetUpdateInterval}
 * updates (Lillicrap et al. 2016; set the interval to 1 for the usual every-update average). This is the convention of
 * Stable-Baselines3.
 *
 * @param numEnvs              environment copies stepped together through a {@code VectorEnv}; default 8
 * @param learningRate         Adam's step size; default 5e-4 (1e-3 lost four-rooms in 1 of 10 seeds on either
 *                             compute path: a greedy policy found, then unlearned by the budget's end)
 * @param gamma                discount factor in [0, 1]; default 0.99
 * @param bufferCapacity       transitions kept in the replay ring buffer; default 20 000 (observations are stored
 *                             twice as floats: 190 MB on four-rooms' 1183-float one-hot planes)
 * @param batchSize            transitions per gradient step; default 64
 * @param learningStarts       environment steps (all copies together) collected before the first update; default 1 000
 * @param trainFrequency       steps per copy collected between update phases (an iteration collects
 *                             {@code numEnvs * trainFrequency} transitions); default 4
 * @param gradientSteps        gradient steps per update phase; default 4
 * @param targetUpdateInterval updates between target-network updates (see above); default 250
 * @param tau                  1 for a hard copy, in (0, 1) for Polyak averaging (see above); default 1
 * @param doubleDqn            double Q-learning targets (van Hasselt et al. 2016): the online network picks the next
 *                             action, the target network values it; false uses {@code max_a Q_target}; default true
 * @param nStep                steps summed in each return before bootstrapping; default 5
 * @param epsilonStart         ε-greedy exploration rate at env step 0; default 1.0
 * @param epsilonEnd           exploration rate after the decay; default 0.05
 * @param epsilonDecaySteps    env steps (all copies together) over which ε falls linearly; default 20 000
 * @param prioritized          prioritized replay (Schaul et al. 2016) instead of uniform; default false
 * @param priorityAlpha        priority exponent α in [0, 1]: {@code p = (|δ| + ε_p)^α}; default 0.6
 * @param priorityBetaStart    importance-sampling exponent β at step 0, annealed linearly to 1 over the run's budget;
 *                             default 0.4
 * @param priorityEpsilon      ε_p > 0 added to |δ| so no transition has priority 0; default 1e-6
 * @param maxGradNorm          global L2 norm the gradient is clipped to; 0 disables; default 10
 * @param hiddenSizes          widths of the two torso layers; default [64, 64]
 * @param huberDelta           the Huber loss's δ > 0 (quadratic inside, linear outside); default 1.0
 */
public record DqnConfig(int numEnvs, double learningRate, double gamma, int bufferCapacity, int batchSize,
        int learningStarts, int trainFrequency, int gradientSteps, int targetUpdateInterval, double tau,
        boolean doubleDqn, int nStep, double epsilonStart, double epsilonEnd, long epsilonDecaySteps,
        boolean prioritized, double priorityAlpha, double priorityBetaStart, double priorityEpsilon,
        double maxGradNorm, List<Integer> hiddenSizes, double huberDelta) implements AgentConfig {

    /** The {@code agent.type} of DQN. */
    public static final String TYPE = "dqn";

    /** The budget (env steps) the defaults were tuned for on the grid worlds. */
    public static final long DEFAULT_BUDGET = 40_000;

    public DqnConfig {
        hiddenSizes = List.copyOf(hiddenSizes);
    }

    /** The defaults documented on each field. */
    public static DqnConfig defaults() {
        return new DqnConfig(8, 5e-4, 0.99, 20_000, 64, 1_000, 4, 4, 250, 1.0, true, 5, 1.0, 0.05, 20_000,
                false, 0.6, 0.4, 1e-6, 10.0, List.of(64, 64), 1.0);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@inheritDoc} The replay buffer keeps every observation twice (before and after the n steps). */
    @Override
    public long bufferedObservations() {
        return 2L * bufferCapacity;
    }

    /** {@inheritDoc} Probes are sampled from the replay buffer. */
    @Override
    public long probeLimit() {
        return bufferCapacity;
    }

    /** Transitions collected per iteration: {@code numEnvs * trainFrequency}. */
    public int stepsPerIteration() {
        return numEnvs * trainFrequency;
    }

    /**
     * Checks every field and adds one message per problem, each naming its field under {@code path}
     * (e.g. {@code agent.batchSize: must be in [1, 65536], got 0}).
     */
    @Override
    public void validate(String path, List<String> problems) {
        FieldChecks check = new FieldChecks(path, problems);
        check.inRange("numEnvs", numEnvs, 1, 4096);
        check.positive("learningRate", learningRate);
        check.unit("gamma", gamma);
        check.inRange("bufferCapacity", bufferCapacity, 1, 1 << 22);
        check.inRange("batchSize", batchSize, 1, 65536);
        if (bufferCapacity > 0 && batchSize > bufferCapacity) {
            problems.add(path + ".batchSize: must be at most bufferCapacity = " + bufferCapacity + ", got " + batchSize);
        }
        check.nonNegative("learningStarts", learningStarts);
        check.inRange("trainFrequency", trainFrequency, 1, 1 << 20);
        check.inRange("gradientSteps", gradientSteps, 1, 1 << 16);
        check.inRange("targetUpdateInterval", targetUpdateInterval, 1, 1 << 30);
        if (!(tau > 0 && tau <= 1)) {
            problems.add(path + ".tau: must be in (0, 1] (1 = hard copy), got " + tau);
        }
        check.inRange("nStep", nStep, 1, 1000);
        check.unit("epsilonStart", epsilonStart);
        check.unit("epsilonEnd", epsilonEnd);
        check.nonNegative("epsilonDecaySteps", epsilonDecaySteps);
        check.unit("priorityAlpha", priorityAlpha);
        check.unit("priorityBetaStart", priorityBetaStart);
        check.positive("priorityEpsilon", priorityEpsilon);
        check.nonNegative("maxGradNorm", maxGradNorm);
        check.hiddenSizes(hiddenSizes);
        check.positive("huberDelta", huberDelta);
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
