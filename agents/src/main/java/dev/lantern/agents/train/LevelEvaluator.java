package dev.lantern.agents.train;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.environments.api.LevelFamily;
import dev.lantern.environments.api.LevelSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The greedy evaluation of a policy trained on a {@link LevelFamily}: one greedy episode on each of a fixed set of
 * training levels (indices {@code 0 .. min(levels, trainingLevels) - 1}) and on each of a fixed set of held-out test
 * levels (indices {@code 0 .. levels - 1}), the same levels at every evaluation, so that the train and test curves
 * of a run measure generalisation. Each episode is played by {@link GreedyEvaluator} (its episode {@code k} on level
 * {@code k}, reset with {@code Seeds.mix(seed + k)}).
 *
 * <p>Metrics, for {@code <split>} = {@code train} and {@code test}: {@code eval/<split>/return} (mean undiscounted
 * return over the split's levels), {@code eval/<split>/length}, {@code eval/<split>/success} (share of levels whose
 * goal was reached), {@code eval/<split>/normalized_return} (mean over levels of return / that level's exact optimum:
 * 1 is optimal on every level; written only when every optimum is positive) and {@code eval/<split>/optimal_return}
 * (mean exact optimum). The usual {@code eval/return}, {@code eval/length}, {@code eval/performance},
 * {@code eval/success_rate} and {@code eval/optimal_return} come first and are those of the training levels, so that
 * {@link SolveCriterion} asks whether the levels trained on are solved.
 */
public final class LevelEvaluator implements FinalEvaluation {

    /** The metrics written per split, after {@code eval/<split>/}, in order. */
    public static final List<String> SPLIT_METRICS = List.of("return", "length", "success", "normalized_return",
            "optimal_return");

    private final LevelFamily family;
    private final int levels;
    private final long seed;

    /**
     * @param family the level family trained on (any instance: only its levels and optima are read)
     * @param levels levels evaluated per split (the training split has at most {@code family.trainingLevels()})
     * @param seed   episode {@code k} of each split is reset with {@code Seeds.mix(seed + k)}
     * @throws IllegalArgumentException if {@code levels < 1}
     */
    public LevelEvaluator(LevelFamily family, int levels, long seed) {
        this.family = Objects.requireNonNull(family, "family");
        if (levels < 1) {
            throw new IllegalArgumentException("levels per split must be >= 1, got " + levels);
        }
        this.levels = levels;
        this.seed = seed;
    }

    /** Levels evaluated in {@code split}. */
    public int levels(LevelSplit split) {
        return split == LevelSplit.TRAIN ? Math.min(levels, family.trainingLevels()) : levels;
    }

    @Override
    public Map<String, Double> evaluate(PolicyValueView policy) {
        Map<String, Double> train = evaluate(policy, LevelSplit.TRAIN);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("eval/return", train.get("return"));
        m.put("eval/length", train.get("length"));
        m.put("eval/performance", train.get("performance"));
        m.put("eval/success_rate", train.get("success"));
        m.put("eval/optimal_return", train.get("optimal_return"));
        for (LevelSplit split : LevelSplit.values()) {
            Map<String, Double> means = split == LevelSplit.TRAIN ? train : evaluate(policy, split);
            for (String name : SPLIT_METRICS) {
                if (means.containsKey(name)) {
                    m.put("eval/" + split.label() + "/" + name, means.get(name));
                }
            }
        }
        return m;
    }

    /** One greedy episode per level of {@code split}; the means, keyed without the prefix. */
    private Map<String, Double> evaluate(PolicyValueView policy, LevelSplit split) {
        int n = levels(split);
        GreedyEvaluator.Episodes e = GreedyEvaluator.onEach(k -> family.level(split, k), n, seed, Double.NaN)
                .play(policy);
        double sumReturn = 0;
        double sumLength = 0;
        double sumPerformance = 0;
        double sumOptimum = 0;
        double sumNormalized = 0;
        boolean positive = true;
        int successes = 0;
        for (int k = 0; k < n; k++) {
            double optimum = family.optimalReturn(split, k);
            sumReturn += e.returns()[k];
            sumLength += e.lengths()[k];
            sumPerformance += e.performances()[k];
            sumOptimum += optimum;
            positive &= optimum > 0;
            sumNormalized += e.returns()[k] / optimum;
            successes += e.success()[k] ? 1 : 0;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("return", sumReturn / n);
        m.put("length", sumLength / n);
        m.put("performance", sumPerformance / n);
        m.put("success", successes / (double) n);
        if (positive) {
            m.put("normalized_return", sumNormalized / n);
        }
        m.put("optimal_return", sumOptimum / n);
        return m;
    }
}
