package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What counts as solving: every episode at the goal and the return within 5% of the optimum, known exactly. */
class SolveCriterionTest {

    private static Map<String, Double> eval(double success, double ret, double optimal) {
        return Map.of("eval/success_rate", success, "eval/return", ret, "eval/optimal_return", optimal);
    }

    @Test
    void solvesAtSuccessOneAndNinetyFivePercentOfTheOptimum() {
        assertTrue(SolveCriterion.solves(eval(1.0, 0.8, 0.8)));
        assertTrue(SolveCriterion.solves(eval(1.0, 0.76, 0.8))); // 0.95 x 0.8 exactly
        assertFalse(SolveCriterion.solves(eval(1.0, 0.7599, 0.8)));
        assertFalse(SolveCriterion.solves(eval(0.9, 0.8, 0.8)));
    }

    @Test
    void aNegativeOptimumAllowsFivePercentOfItsMagnitudeBelow() {
        assertTrue(SolveCriterion.solves(eval(1.0, -1.05, -1.0)));
        assertFalse(SolveCriterion.solves(eval(1.0, -1.06, -1.0)));
    }

    @Test
    void neverWithoutAKnownOptimum() {
        assertFalse(SolveCriterion.solves(Map.of("eval/success_rate", 1.0, "eval/return", 1.0)));
        assertFalse(SolveCriterion.solves(eval(1.0, 1.0, Double.NaN)));
        assertFalse(SolveCriterion.solves(Map.of("eval/vs_random_win_rate", 1.0)));
    }
}
