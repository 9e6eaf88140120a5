package dev.lantern.agents.tabular;

import java.util.List;
import java.util.Objects;

/**
 * Hyperparameters of the tabular agent ({@link TabularAgent}). The defaults ({@link #defaults()}) are those of Sutton &
 * Barto (2018), Example 6.6 (cliff walking): α = 0.5, γ = 1, a constant ε = 0.1, 500 episodes.
 *
 * @param algorithm         which TD control rule updates the table; default {@link Algorithm#Q_LEARNING}
 * @param learningRate      the step size α in (0, 1]; default 0.5
 * @param gamma             discount factor in [0, 1]; default 1.0 (the episodes of the grid worlds end)
 * @param epsilonStart      exploration rate ε at environment step 0, in [0, 1]; default 0.1
 * @param epsilonEnd        exploration rate ε from step {@code epsilonDecaySteps} on, in [0, 1]; default 0.1
 * @param epsilonDecaySteps environment steps over which ε falls linearly from {@code epsilonStart} to
 *                          {@code epsilonEnd}, {@code >= 0}; 0 means ε is {@code epsilonEnd} from the start; default 0
 * @param episodes          training episodes, in [1, 10^7]; default 500
 * @param seed              seed of the agent's {@link java.util.SplittableRandom} (exploration and tie-breaking of
 *                          the behaviour policy) and of each episode's reset; default 0
 */
public record TabularConfig(Algorithm algorithm, double learningRate, double gamma, double epsilonStart,
        double epsilonEnd, long epsilonDecaySteps, int episodes, long seed) {

    /** Largest accepted {@link #episodes()}. */
    public static final int MAX_EPISODES = 10_000_000;

    /** The TD control rule. */
    public enum Algorithm {
        /** Off-policy: bootstraps from {@code max_a Q(s', a)} (Sutton & Barto eq. 6.8). */
        Q_LEARNING,
        /** On-policy: bootstraps from {@code Q(s', a')}, {@code a'} the action actually taken next (eq. 6.7). */
        SARSA
    }

    /** The defaults documented on each field. */
    public static TabularConfig defaults() {
        return new TabularConfig(Algorithm.Q_LEARNING, 0.5, 1.0, 0.1, 0.1, 0, 500, 0L);
    }

    /** A copy with another algorithm. */
    public TabularConfig withAlgorithm(Algorithm value) {
        return new TabularConfig(value, learningRate, gamma, epsilonStart, epsilonEnd, epsilonDecaySteps, episodes,
                seed);
    }

    /** A copy with another episode budget. */
    public TabularConfig withEpisodes(int value) {
        return new TabularConfig(algorithm, learningRate, gamma, epsilonStart, epsilonEnd, epsilonDecaySteps, value,
                seed);
    }

    /** A copy with another seed. */
    public TabularConfig withSeed(long value) {
        return new TabularConfig(algorithm, learningRate, gamma, epsilonStart, epsilonEnd, epsilonDecaySteps,
                episodes, value);
    }

    /** A copy with another ε schedule: linear from {@code start} to {@code end} over {@code decaySteps} steps. */
    public TabularConfig withEpsilon(double start, double end, long decaySteps) {
        return new TabularConfig(algorithm, learningRate, gamma, start, end, decaySteps, episodes, seed);
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

    /**
     * Checks every field and adds one message per problem, each naming its field under {@code path}
     * (e.g. {@code agent.learningRate: must be in (0, 1], got -1.0}).
     */
    public void validate(String path, List<String> problems) {
        Objects.requireNonNull(path, "path");
        if (algorithm == null) {
            problems.add(path + ".algorithm: must be one of " + List.of(Algorithm.values()) + ", got null");
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            problems.add(path + ".learningRate: must be in (0, 1], got " + learningRate);
        }
        unit(path + ".gamma", gamma, problems);
        unit(path + ".epsilonStart", epsilonStart, problems);
        unit(path + ".epsilonEnd", epsilonEnd, problems);
        if (epsilonDecaySteps < 0) {
            problems.add(path + ".epsilonDecaySteps: must be >= 0, got " + epsilonDecaySteps);
        }
        if (episodes < 1 || episodes > MAX_EPISODES) {
            problems.add(path + ".episodes: must be in [1, " + MAX_EPISODES + "], got " + episodes);
        }
    }

    private static void unit(String field, double value, List<String> problems) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(field + ": must be in [0, 1], got " + value);
        }
    }
}
