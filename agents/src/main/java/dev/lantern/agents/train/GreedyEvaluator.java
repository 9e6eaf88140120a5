package dev.lantern.agents.train;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.StepResult;
import dev.lantern.environments.random.Seeds;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Evaluates a policy greedily (the most probable action in every state) over a fixed number of episodes on fresh
 * environments. An episode is a success when it terminates with a positive last reward (a goal was reached).
 *
 * <p>Metrics: {@code eval/return} (mean undiscounted return), {@code eval/length}, {@code eval/performance},
 * {@code eval/success_rate}, and {@code eval/optimal_return} only when the true optimum is known (the optimal expected
 * undiscounted return within the time limit; left out when it was not solved).
 */
public final class GreedyEvaluator implements FinalEvaluation {

    /** The most episodes played side by side, one batched forward pass per step. */
    public static final int LOCKSTEP = 64;
    /**
     * The most floats of observations whose greedy actions one batch of episodes keeps (16 MiB; beyond them, new
     * observations are evaluated every time they come).
     */
    static final int MAX_KNOWN_FLOATS = 1 << 22;

    /**
     * The per-episode outcome of one evaluation, index = episode, in episode order.
     *
     * @param returns      undiscounted return of each episode
     * @param performances summed hidden performance of each episode
     * @param lengths      steps of each episode
     * @param success      whether each episode terminated with a positive last reward (reached a goal)
     */
    public record Episodes(double[] returns, double[] performances, int[] lengths, boolean[] success) {
    }

    private final IntFunction<? extends Environment> envOfEpisode;
    private final int episodes;
    private final long seed;
    private final double optimalReturn;

    /**
     * @param envFactory    makes a fresh environment for the evaluation
     * @param episodes      episodes to average over
     * @param seed          episode {@code k} is reset with {@code Seeds.mix(seed + k)}
     * @param optimalReturn the optimal expected return within the time limit, or NaN if not known (then not written)
     */
    public GreedyEvaluator(Supplier<? extends Environment> envFactory, int episodes, long seed, double optimalReturn) {
        this(k -> envFactory.get(), episodes, seed, optimalReturn);
    }

    private GreedyEvaluator(IntFunction<? extends Environment> envOfEpisode, int episodes, long seed,
            double optimalReturn) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        this.envOfEpisode = envOfEpisode;
        this.episodes = episodes;
        this.seed = seed;
        this.optimalReturn = optimalReturn;
    }

    /**
     * An evaluator whose episode {@code k} is played on {@code envOfEpisode.apply(k)}, e.g. level {@code k} of a level
     * family; otherwise as the public constructor.
     */
    public static GreedyEvaluator onEach(IntFunction<? extends Environment> envOfEpisode, int episodes, long seed,
            double optimalReturn) {
        return new GreedyEvaluator(envOfEpisode, episodes, seed, optimalReturn);
    }

    /**
     * Plays every episode greedily, as {@link #evaluate}, and returns each one's outcome instead of the means.
     */
    public Episodes play(PolicyValueView policy) {
        Episodes e = new Episodes(new double[episodes], new double[episodes], new int[episodes], new boolean[episodes]);
        for (int first = 0; first < episodes; first += LOCKSTEP) {
            play(policy, first, Math.min(episodes, first + LOCKSTEP), e.returns(), e.performances(), e.lengths(),
                    e.success());
        }
        return e;
    }

    /**
     * Runs the evaluation; the metrics are in insertion order. Up to {@link #LOCKSTEP} episodes are played side by side,
     * their observations evaluated in one batch per step (one forward pass instead of one per episode: small networks
     * are bound by per-call overhead); the greedy action of each is its most probable one, ties to the lowest index,
     * as {@link PolicyValueView#decideGreedy}.
     */
    @Override
    public Map<String, Double> evaluate(PolicyValueView policy) {
        Episodes e = play(policy);
        double[] returns = e.returns();
        double[] performances = e.performances();
        int[] lengths = e.lengths();
        boolean[] success = e.success();
        double sumReturn = 0;
        double sumLength = 0;
        double sumPerformance = 0;
        int successes = 0;
        for (int k = 0; k < episodes; k++) { // summed in episode order
            sumReturn += returns[k];
            sumLength += lengths[k];
            sumPerformance += performances[k];
            successes += success[k] ? 1 : 0;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("eval/return", sumReturn / episodes);
        m.put("eval/length", sumLength / episodes);
        m.put("eval/performance", sumPerformance / episodes);
        m.put("eval/success_rate", successes / (double) episodes);
        if (!Double.isNaN(optimalReturn)) {
            m.put("eval/optimal_return", optimalReturn);
        }
        return m;
    }

    /**
     * Plays episodes {@code [from, to)} side by side to their ends, filling their entries of the arrays. When the policy
     * {@link PolicyValueView#answersByObservation answers by observation}, each distinct observation is evaluated once
     * (a batch holds only the observations not seen before in this evaluation, each once) and its greedy action kept:
     * a greedy policy that has not learned yet walks the same few cells until the time limit, and identical episodes
     * (a world without randomness) ask the same observations, so most steps need no forward pass at all.
     */
    private void play(PolicyValueView policy, int from, int to, double[] returns, double[] performances, int[] lengths,
            boolean[] success) {
        int n = to - from;
        int inputs = policy.inputSize();
        int actions = policy.actionCount();
        Map<Observation, Integer> known = policy.answersByObservation() ? new HashMap<>() : null;
        Environment[] envs = new Environment[n];
        float[][] obs = new float[n][];
        for (int i = 0; i < n; i++) {
            envs[i] = envOfEpisode.apply(from + i);
            obs[i] = envs[i].reset(Seeds.mix(seed + from + i));
        }
        int[] live = new int[n]; // the episodes still running, in order
        for (int i = 0; i < n; i++) {
            live[i] = i;
        }
        int count = n;
        float[] batch = new float[n * inputs];
        double[] probabilities = new double[n * actions];
        double[] values = new double[n];
        int[] chosen = new int[n];
        int[] row = new int[n]; // the batch row of each live episode's observation
        Observation[] asked = new Observation[n];
        while (count > 0) {
            int rows = 0;
            Map<Observation, Integer> rowOf = new HashMap<>();
            for (int j = 0; j < count; j++) {
                int i = live[j];
                Observation o = known == null ? null : new Observation(obs[i]);
                Integer action = known == null ? null : known.get(o);
                if (action != null) {
                    chosen[i] = action;
                    row[j] = -1;
                    continue;
                }
                Integer r = o == null ? null : rowOf.get(o);
                if (r == null) {
                    r = rows++;
                    System.arraycopy(obs[i], 0, batch, r * inputs, inputs);
                    asked[r] = o;
                    if (o != null) {
                        rowOf.put(o, r);
                    }
                }
                row[j] = r;
            }
            if (rows > 0) {
                policy.evaluate(batch, rows, probabilities, values);
            }
            for (int j = 0; j < count; j++) {
                if (row[j] >= 0) {
                    chosen[live[j]] = greedy(probabilities, row[j], actions);
                }
            }
            if (known != null && (long) known.size() * inputs < MAX_KNOWN_FLOATS) {
                for (int r = 0; r < rows; r++) {
                    known.put(asked[r], greedy(probabilities, r, actions));
                }
            }
            int still = 0;
            for (int j = 0; j < count; j++) {
                int i = live[j];
                StepResult res = envs[i].step(chosen[i]);
                returns[from + i] += res.reward();
                performances[from + i] += res.performance();
                lengths[from + i]++;
                obs[i] = res.observation();
                if (res.done()) {
                    success[from + i] = res.terminated() && res.reward() > 0;
                } else {
                    live[still++] = i;
                }
            }
            count = still;
        }
    }

    /** The most probable action of batch row {@code r}, ties to the lowest index. */
    private static int greedy(double[] probabilities, int r, int actions) {
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (probabilities[r * actions + a] > probabilities[r * actions + best]) {
                best = a;
            }
        }
        return best;
    }

    /** An observation as a map key: equal when every float is (bit for bit). */
    private record Observation(float[] values, int hash) {
        Observation(float[] values) {
            this(values, Arrays.hashCode(values));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Observation other && hash == other.hash && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
