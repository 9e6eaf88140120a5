package dev.lantern.app.lab;

import dev.lantern.environments.grid.GridState;

/**
 * Integrated gradients of one output in one state, summed per grid cell, with the completeness error, for the grid's
 * attribution overlay; or why there is none (then {@code perCell} is null and the numbers NaN).
 *
 * @param state             the explained state
 * @param target            what is explained ({@code V}, {@code logit right}, ...)
 * @param baseline          what the state is compared with
 * @param perCell           the attribution of each cell, {@code [height * width]} row-major, or null
 * @param outputValue       F(state)
 * @param baselineValue     F(the same map without the agent)
 * @param completenessError {@code |sum - (F(x) - F(b))| / |F(x) - F(b)|}, NaN where the gap is under 1e-9
 * @param undefined         why there is no attribution, or null
 */
public record CellAttribution(GridState state, String target, CircuitRequest.Baseline baseline, double[] perCell, double outputValue,
        double baselineValue, double completenessError, String undefined) {

    /** No attribution of {@code target} in {@code state}, because {@code why}. */
    public static CellAttribution undefined(GridState state, String target, CircuitRequest.Baseline baseline,
            String why) {
        return new CellAttribution(state, target, baseline, null, Double.NaN, Double.NaN, Double.NaN, why);
    }

    /** The line printed under the grid. */
    public String describe() {
        if (undefined != null) {
            return "attribution of " + target + ": " + undefined;
        }
        double sum = 0;
        for (double v : perCell) {
            sum += v;
        }
        return String.format(java.util.Locale.ROOT,
                "IG of %s at (%d, %d), 64 steps from %s: F %.4f - F(baseline) %.4f = %.4f, "
                        + "cells sum to %.4f, completeness error %.2g",
                target, state.row(), state.col(), baseline.description(), outputValue, baselineValue, outputValue - baselineValue, sum,
                completenessError);
    }
}
