package dev.lantern.agents.train;

import java.util.Map;

/**
 * When a greedy evaluation counts as solving a grid world: every episode reached a goal ({@code eval/success_rate}
 * 1.0) and the mean return is within 5% of the exact optimum ({@code eval/return >= eval/optimal_return - 0.05 x
 * |eval/optimal_return|}, which is {@code >= 0.95 x optimum} for the usual positive optimum). An evaluation without
 * {@code eval/optimal_return} (a game, or a map too large to solve exactly) never solves.
 */
public final class SolveCriterion {

    /** The share of the optimum's magnitude the return may fall short by: 0.05. */
    public static final double TOLERANCE = 0.05;

    private SolveCriterion() {
    }

    /** True if {@code evaluation} (the {@code eval/*} metrics of one evaluation) solves the world, as above. */
    public static boolean solves(Map<String, Double> evaluation) {
        Double optimal = evaluation.get("eval/optimal_return");
        Double success = evaluation.get("eval/success_rate");
        Double ret = evaluation.get("eval/return");
        if (optimal == null || success == null || ret == null || !Double.isFinite(optimal)) {
            return false;
        }
        return success == 1.0 && ret >= optimal - TOLERANCE * Math.abs(optimal);
    }
}
