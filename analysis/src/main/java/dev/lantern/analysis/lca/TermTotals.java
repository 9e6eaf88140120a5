package dev.lantern.analysis.lca;

import com.google.gson.JsonObject;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The run's totals per term of the loss (policy, value, entropy; td; policy, value, l2): Σ allocations, the real
 * change of the term on the pinned probes, and Σ |step error|, with the terms' carried end gradients between the
 * steps of one probe window. Kept in checkpoints (section {@code lca-terms}).
 */
final class TermTotals {

    private List<String> names = List.of();
    private double[] allocated = new double[0];
    private double[] actual = new double[0];
    private double[] absError = new double[0];
    private double[][] carried;
    private double[] carriedLoss = new double[0];

    /** The terms, in order (empty before the first step with terms). */
    List<String> names() {
        return names;
    }

    /** Adopts the probe's terms; the first time only (a learner's terms do not change). */
    void use(List<String> terms) {
        if (names.equals(terms)) {
            return;
        }
        if (!names.isEmpty()) {
            throw new IllegalStateException("the probe's loss terms changed from " + names + " to " + terms);
        }
        names = List.copyOf(terms);
        allocated = new double[names.size()];
        actual = new double[names.size()];
        absError = new double[names.size()];
        carriedLoss = new double[names.size()];
    }

    /** Forgets the carried gradients (a new probe window). */
    void newWindow() {
        carried = null;
    }

    /** The terms' gradients at the end of the last step of this window, or null at a window's first step. */
    double[][] carried() {
        return carried;
    }

    /** The terms' values at the end of the last step of this window. */
    double[] carriedLoss() {
        return carriedLoss;
    }

    /** Adds one step's per-term allocations and keeps their end gradients for the next step. */
    void add(StepAllocation[] steps, double[][] endGradients) {
        for (int t = 0; t < steps.length; t++) {
            allocated[t] += steps[t].allocated();
            actual[t] += steps[t].actual();
            absError[t] += Math.abs(steps[t].error());
            carriedLoss[t] = steps[t].lossAfter();
        }
        carried = endGradients;
    }

    /** Per term: {@code allocated, actual, error, sumAbsStepError}. */
    JsonObject summary() {
        JsonObject s = new JsonObject();
        for (int t = 0; t < names.size(); t++) {
            JsonObject term = new JsonObject();
            term.addProperty("allocated", allocated[t]);
            term.addProperty("actual", actual[t]);
            term.addProperty("error", actual[t] - allocated[t]);
            term.addProperty("sumAbsStepError", absError[t]);
            s.add(names.get(t), term);
        }
        return s;
    }

    /** Replaces each carried gradient by {@code f} of it (when the parameters they are given on change). */
    void mapCarried(UnaryOperator<double[]> f) {
        if (carried != null) {
            for (int t = 0; t < carried.length; t++) {
                carried[t] = f.apply(carried[t]);
            }
        }
    }

    /** Writes the totals and the carried gradients, each as {@code toFull} of it (in the full parameter layout). */
    void save(StateWriter out, UnaryOperator<double[]> toFull) {
        out.section("lca-terms");
        out.writeInt(names.size());
        for (String name : names) {
            out.writeString(name);
        }
        out.writeDoubles(allocated);
        out.writeDoubles(actual);
        out.writeDoubles(absError);
        out.writeDoubles(carriedLoss);
        out.writeBoolean(carried != null);
        if (carried != null) {
            for (double[] g : carried) {
                out.writeDoubles(toFull.apply(g));
            }
        }
    }

    /** Reads what {@link #save} wrote, for {@code n} parameters. */
    void restore(StateReader in, int n) {
        in.section("lca-terms");
        int k = in.readInt();
        List<String> read = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            read.add(in.readString());
        }
        names = List.copyOf(read);
        allocated = in.readDoubles(k, "the terms' allocations");
        actual = in.readDoubles(k, "the terms' real changes");
        absError = in.readDoubles(k, "the terms' step errors");
        carriedLoss = in.readDoubles(k, "the terms' carried values");
        carried = null;
        if (in.readBoolean()) {
            carried = new double[k][];
            for (int t = 0; t < k; t++) {
                carried[t] = in.readDoubles(n, "a term's carried gradient");
            }
        }
    }
}
