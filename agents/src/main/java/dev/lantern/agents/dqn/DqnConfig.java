package dev.lantern.agents.dqn;

import dev.lantern.agents.api.AgentConfig;
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
 * @param learningRate         Adam's step size; default 1e-3
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
        return new DqnConfig(8, 1e-3, 0.99, 20_000, 64, 1_000, 4, 4, 250, 1.0, true, 5, 1.0, 0.05, 20_000,
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
        inRange(path + ".numEnvs", numEnvs, 4096, problems);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problems.add(path + ".learningRate: must be > 0, got " + learningRate);
        }
        unit(path + ".gamma", gamma, problems);
        inRange(path + ".bufferCapacity", bufferCapacity, 1 << 22, problems);
        inRange(path + ".batchSize", batchSize, 65536, problems);
        if (bufferCapacity > 0 && batchSize > bufferCapacity) {
            problems.add(path + ".batchSize: must be at most bufferCapacity = " + bufferCapacity + ", got " + batchSize);
        }
        if (learningStarts < 0) {
            problems.add(path + ".learningStarts: must be >= 0, got " + learningStarts);
        }
        inRange(path + ".trainFrequency", trainFrequency, 1 << 20, problems);
        inRange(path + ".gradientSteps", gradientSteps, 1 << 16, problems);
        inRange(path + ".targetUpdateInterval", targetUpdateInterval, 1 << 30, problems);
        if (!(tau > 0 && tau <= 1)) {
            problems.add(path + ".tau: must be in (0, 1] (1 = hard copy), got " + tau);
        }
        inRange(path + ".nStep", nStep, 1000, problems);
        unit(path + ".epsilonStart", epsilonStart, problems);
        unit(path + ".epsilonEnd", epsilonEnd, problems);
        if (epsilonDecaySteps < 0) {
            problems.add(path + ".epsilonDecaySteps: must be >= 0, got " + epsilonDecaySteps);
        }
        unit(path + ".priorityAlpha", priorityAlpha, problems);
        unit(path + ".priorityBetaStart", priorityBetaStart, problems);
        if (!(priorityEpsilon > 0) || Double.isInfinite(priorityEpsilon)) {
            problems.add(path + ".priorityEpsilon: must be > 0, got " + priorityEpsilon);
        }
        if (!(maxGradNorm >= 0) || Double.isInfinite(maxGradNorm)) {
            problems.add(path + ".maxGradNorm: must be >= 0, got " + maxGradNorm);
        }
        if (hiddenSizes.size() != 2) {
            problems.add(path + ".hiddenSizes: must list exactly 2 layer widths, got " + hiddenSizes.size());
        }
        for (int i = 0; i < hiddenSizes.size(); i++) {
            Integer h = hiddenSizes.get(i);
            if (h == null || h < 1 || h > 4096) {
                problems.add(path + ".hiddenSizes[" + i + "]: must be in [1, 4096], got " + h);
            }
        }
        if (!(huberDelta > 0) || Double.isInfinite(huberDelta)) {
            problems.add(path + ".huberDelta: must be > 0, got " + huberDelta);
        }
    }

    private static void inRange(String field, int value, int max, List<String> problems) {
        if (value <= 0 || value > max) {
            problems.add(field + ": must be in [1, " + max + "], got " + value);
        }
    }

    private static void unit(String field, double value, List<String> problems) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(field + ": must be in [0, 1], got " + value);
        }
    }
}
