package dev.lantern.agents.train;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.StepResult;
import dev.lantern.environments.random.Seeds;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Supplier<? extends Environment> envFactory;
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
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        this.envFactory = envFactory;
        this.episodes = episodes;
        this.seed = seed;
        this.optimalReturn = optimalReturn;
    }

    /** Runs the evaluation; the metrics are in insertion order. */
    @Override
    public Map<String, Double> evaluate(PolicyValueView policy) {
        Environment env = envFactory.get();
        double sumReturn = 0;
        double sumLength = 0;
        double sumPerformance = 0;
        int successes = 0;
        for (int k = 0; k < episodes; k++) {
            float[] obs = env.reset(Seeds.mix(seed + k));
            double ret = 0;
            double perf = 0;
            int length = 0;
            while (true) {
                StepResult r = env.step(policy.decideGreedy(obs).action());
                ret += r.reward();
                perf += r.performance();
                length++;
                obs = r.observation();
                if (r.done()) {
                    if (r.terminated() && r.reward() > 0) {
                        successes++;
                    }
                    break;
                }
            }
            sumReturn += ret;
            sumLength += length;
            sumPerformance += perf;
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
}
