package dev.lantern.app.lab;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.solve.PolicyEvaluation;
import dev.lantern.environments.grid.solve.StateValues;
import java.util.Arrays;
import java.util.Locale;

/**
 * The value head's error on every drawn cell of one frame, for the grid's error overlay: {@code V(s) − V*(s)} (value
 * iteration at the learner's discount, {@link RunInfo#discountedTruth()}) or {@code V(s) − V^π(s)} (exact policy
 * evaluation of the frame's own policy at that discount). V(s) is the frame's value: the value head, or
 * {@code max_a Q(s, a)} for a Q-learner. Immutable.
 *
 * <p>V^π needs the policy in every live state of the map's state space; the frame holds it for the drawn states only
 * (keys masks 0 and all keys, no extras), so on maps with more states it is {@link #unavailable()} and says why.
 */
final class ValueErrors {

    /** What the value is compared with. */
    enum Reference {
        /** The optimal value V* at the learner's discount. */
        OPTIMAL,
        /** The value V^π of the frame's policy at the learner's discount. */
        POLICY
    }

    /** Stopping tolerance of the policy evaluation: far below what a heatmap or a printed mean can show. */
    static final double POLICY_TOLERANCE = 1e-9;

    private final PolicyFrame frame;
    private final int mask;
    private final Reference reference;
    private final double gamma;
    private final int width;
    private final double[] errors;
    private final double meanAbsError;
    private final int cells;
    private final String unavailable;

    private ValueErrors(PolicyFrame frame, int mask, Reference reference, double gamma, int width, double[] errors,
            String unavailable) {
        this.frame = frame;
        this.mask = mask;
        this.reference = reference;
        this.gamma = gamma;
        this.width = width;
        this.errors = errors;
        this.unavailable = unavailable;
        double sum = 0;
        int n = 0;
        for (double e : errors) {
            if (Double.isFinite(e)) {
                sum += Math.abs(e);
                n++;
            }
        }
        this.cells = n;
        this.meanAbsError = n == 0 ? Double.NaN : sum / n;
    }

    /** The errors of {@code frame}'s values in the states holding the keys in {@code mask}. */
    static ValueErrors of(RunInfo run, PolicyFrame frame, int mask, Reference reference) {
        int h = run.map().height();
        int w = run.map().width();
        double[] err = new double[h * w];
        Arrays.fill(err, Double.NaN);
        StateValues truth = run.discountedTruth();
        if (reference == Reference.POLICY) {
            String why = missingPolicy(run, frame);
            if (why != null) {
                return new ValueErrors(frame, mask, reference, run.discount(), w, err, why);
            }
            truth = PolicyEvaluation.evaluate(run.newWorld(), (s, out) -> policy(frame, s, out), run.discount(),
                    POLICY_TOLERANCE, PolicyEvaluation.DEFAULT_MAX_SWEEPS);
        }
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                GridState s = new GridState(r, c, mask);
                if (frame.has(r, c, mask) && truth.contains(s)) {
                    double e = frame.value(r, c, mask) - truth.value(s);
                    err[r * w + c] = Double.isFinite(e) ? e : Double.NaN;
                }
            }
        }
        return new ValueErrors(frame, mask, reference, run.discount(), w, err, null);
    }

    /** Why the frame's policy is not known in every live state of the map (null when it is). */
    private static String missingPolicy(RunInfo run, PolicyFrame frame) {
        GridStateSpace space = GridStateSpace.of(run.newWorld());
        int missing = 0;
        int live = 0;
        for (int i = 0; i < space.size(); i++) {
            if (!space.terminal(i)) {
                live++;
                GridState s = space.state(i);
                if (s.extras() != 0 || !frame.has(s.row(), s.col(), s.keysMask())) {
                    missing++;
                }
            }
        }
        return missing == 0 ? null : String.format(Locale.ROOT, "policy known in %d of %d states", live - missing,
                live);
    }

    /** The frame's action probabilities in {@code s}, renormalised (float networks sum to 1 within ~1e-7). */
    private static void policy(PolicyFrame frame, GridState s, double[] out) {
        double sum = 0;
        for (int a = 0; a < out.length; a++) {
            out[a] = frame.probability(s.row(), s.col(), s.keysMask(), a);
            sum += out[a];
        }
        for (int a = 0; a < out.length; a++) {
            out[a] /= sum;
        }
    }

    /** The error of the cell (row, col), NaN where none is drawn. */
    double error(int row, int col) {
        return errors[row * width + col];
    }

    /** Mean |error| over the cells that have one (NaN when none has). */
    double meanAbsError() {
        return meanAbsError;
    }

    /** Cells with an error. */
    int cells() {
        return cells;
    }

    /** Why there are no errors to draw, or null. */
    String unavailable() {
        return unavailable;
    }

    /** The largest |error| (0 when there is none): the symmetric colour scale spans [-it, it]. */
    double maxAbsError() {
        double m = 0;
        for (double e : errors) {
            if (Double.isFinite(e)) {
                m = Math.max(m, Math.abs(e));
            }
        }
        return m;
    }

    /** Whether these are the errors of {@code f} in the states of {@code mask} against {@code ref}. */
    boolean isFor(PolicyFrame f, int mask, Reference ref) {
        return frame == f && this.mask == mask && reference == ref;
    }

    /**
     * The legend's line under the title: {@code "mean |error| 0.0123 · γ = 0.99"}, or why there is nothing to draw
     * ({@code "n/a: policy known in 45 of 90 states"}).
     */
    String note() {
        if (unavailable != null) {
            return "n/a: " + unavailable;
        }
        return String.format(Locale.ROOT, "mean |error| %.4f · γ = %s", meanAbsError, gamma);
    }
}
