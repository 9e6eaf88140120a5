package dev.lantern.app.lab;

import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.grid.solve.SolveStatus;
import dev.lantern.environments.grid.solve.StateValues;
import java.util.Locale;

/**
 * The words the lab shows for the ground truth, so that a number is shown as the optimum only when it is one: the
 * label of the dashed line on the return chart, the status line's part, a cell's exact value.
 */
final class OptimumText {

    private OptimumText() {
    }

    /** The dashed line's label, {@code "optimal 23.44"}, or null when there is no true optimum to draw. */
    static String chartLabel(OptimalReturn optimum) {
        return optimum != null && optimum.known() ? String.format(Locale.ROOT, "optimal %.2f", optimum.value()) : null;
    }

    /** What the return chart says instead of a line when there is none: {@code "optimum not solved (too-large)"}. */
    static String chartNote(OptimalReturn optimum) {
        return optimum == null || optimum.known() ? null : "optimum not solved (" + optimum.status().label() + ")";
    }

    /** The status line's optimum: {@code "optimal 0.980"} or {@code "optimum not solved (too-large)"}. */
    static String status(OptimalReturn optimum) {
        if (optimum != null && optimum.known()) {
            return String.format(Locale.ROOT, "optimal %.3f", optimum.value());
        }
        return optimum == null ? "optimum unknown" : chartNote(optimum);
    }

    /**
     * A cell's exact value: {@code "V* = 0.970"}, {@code "V* = +∞ (unbounded, γ = 1)"}, or the number followed by
     * {@code "(not converged)"} when the sweep cap stopped value iteration.
     */
    static String value(StateValues truth, double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "V* = +∞ (unbounded, γ = " + truth.gamma() + ")";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "V* = −∞ (no way out, γ = " + truth.gamma() + ")";
        }
        String number = String.format(Locale.ROOT, "V* = %.3f", v);
        return truth.status() == SolveStatus.NOT_CONVERGED ? number + " (not converged)" : number;
    }
}
