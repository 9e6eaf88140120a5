package dev.lantern.agents.train;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.StepResult;
import dev.lantern.environments.random.Seeds;
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

    /** Plays episodes {@code [from, to)} side by side to their ends, filling their entries of the arrays. */
    private void play(PolicyValueView policy, int from, int to, double[] returns, double[] performances, int[] lengths,
            boolean[] success) {
        int n = to - from;
        int inputs = policy.inputSize();
        int actions = policy.actionCount();
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
        while (count > 0) {
            for (int j = 0; j < count; j++) {
                System.arraycopy(obs[live[j]], 0, batch, j * inputs, inputs);
            }
            policy.evaluate(batch, count, probabilities, values);
            int still = 0;
            for (int j = 0; j < count; j++) {
                int i = live[j];
                int best = 0;
                for (int a = 1; a < actions; a++) {
                    if (probabilities[j * actions + a] > probabilities[j * actions + best]) {
                        best = a;
                    }
                }
                StepResult r = envs[i].step(best);
                returns[from + i] += r.reward();
                performances[from + i] += r.performance();
                lengths[from + i]++;
                obs[i] = r.observation();
                if (r.done()) {
                    success[from + i] = r.terminated() && r.reward() > 0;
                } else {
                    live[still++] = i;
                }
            }
            count = still;
        }
    }
}
