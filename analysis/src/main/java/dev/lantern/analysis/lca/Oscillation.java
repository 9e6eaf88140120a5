package dev.lantern.analysis.lca;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;

/**
 * How often each parameter's allocation changes sign from one step to the next (Lan et al.'s oscillation): per
 * parameter, the steps in which it moved the loss (nonzero allocation) and the sign changes between consecutive such
 * steps. A step with zero allocation neither counts nor breaks the sequence. Its state is kept in checkpoints, so a
 * resumed run counts exactly as one never stopped.
 */
final class Oscillation {

    /** Bins of the histogram of per-parameter sign-change rates over [0, 1]. */
    static final int BINS = 20;

    private final int[] lastSign;
    private final int[] moves;
    private final int[] changes;

    /** Counts for {@code n} parameters. */
    Oscillation(int n) {
        lastSign = new int[n];
        moves = new int[n];
        changes = new int[n];
    }

    /** Adds one step's allocation, {@code [n]}. */
    void add(double[] allocation) {
        for (int i = 0; i < allocation.length; i++) {
            add(i, allocation[i]);
        }
    }

    /** Adds one step's allocation {@code a} of parameter {@code i} (zero: nothing). */
    void add(int i, double a) {
        if (a == 0) {
            return;
        }
        int sign = a < 0 ? -1 : 1;
        if (lastSign[i] != 0 && lastSign[i] != sign) {
            changes[i]++;
        }
        lastSign[i] = sign;
        moves[i]++;
    }

    /** The counts of parameters {@code index} as a new instance of {@code index.length} (for steps on them alone). */
    Oscillation gather(int[] index) {
        Oscillation part = new Oscillation(index.length);
        for (int k = 0; k < index.length; k++) {
            part.lastSign[k] = lastSign[index[k]];
            part.moves[k] = moves[index[k]];
            part.changes[k] = changes[index[k]];
        }
        return part;
    }

    /** Writes back the counts of {@code part}, made by {@link #gather} with the same {@code index}. */
    void scatter(Oscillation part, int[] index) {
        for (int k = 0; k < index.length; k++) {
            lastSign[index[k]] = part.lastSign[k];
            moves[index[k]] = part.moves[k];
            changes[index[k]] = part.changes[k];
        }
    }

    /** Sign changes of parameter {@code i} so far. */
    int changes(int i) {
        return changes[i];
    }

    /** Steps in which parameter {@code i} had a nonzero allocation so far. */
    int moves(int i) {
        return moves[i];
    }

    /**
     * The summary: per layer the parameters that moved in 2 or more steps ({@code counted}), their mean sign changes
     * and mean rate (changes / (moves − 1): 1 = the sign flips at every step, 0 = it never does); over all such
     * parameters the same means and the rate histogram ({@link #BINS} bins over [0, 1], the last one closed).
     */
    JsonObject summary(ParameterLayout layout) {
        JsonObject s = new JsonObject();
        JsonObject layers = new JsonObject();
        long[] histogram = new long[BINS];
        double rateSum = 0;
        double changeSum = 0;
        long counted = 0;
        for (ParameterLayout.Block b : layout.layers()) {
            double layerRate = 0;
            double layerChanges = 0;
            long layerCounted = 0;
            for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                if (moves[i] < 2) {
                    continue;
                }
                double rate = changes[i] / (double) (moves[i] - 1);
                layerRate += rate;
                layerChanges += changes[i];
                layerCounted++;
                histogram[Math.min(BINS - 1, (int) (rate * BINS))]++;
            }
            JsonObject l = new JsonObject();
            l.addProperty("counted", layerCounted);
            l.addProperty("meanSignChanges", layerCounted == 0 ? Double.NaN : layerChanges / layerCounted);
            l.addProperty("meanRate", layerCounted == 0 ? Double.NaN : layerRate / layerCounted);
            layers.add(b.name(), l);
            rateSum += layerRate;
            changeSum += layerChanges;
            counted += layerCounted;
        }
        s.addProperty("counted", counted);
        s.addProperty("meanSignChanges", counted == 0 ? Double.NaN : changeSum / counted);
        s.addProperty("meanRate", counted == 0 ? Double.NaN : rateSum / counted);
        JsonArray h = new JsonArray();
        for (long c : histogram) {
            h.add(c);
        }
        s.add("rateHistogram", h);
        s.add("layers", layers);
        return s;
    }

    /** Writes the counts (section {@code lca-oscillation}). */
    void save(StateWriter out) {
        out.section("lca-oscillation");
        out.writeInts(lastSign);
        out.writeInts(moves);
        out.writeInts(changes);
    }

    /** Reads what {@link #save} wrote. */
    void restore(StateReader in) {
        in.section("lca-oscillation");
        int n = lastSign.length;
        System.arraycopy(in.readInts(n, "the last allocation signs"), 0, lastSign, 0, n);
        System.arraycopy(in.readInts(n, "the moves per parameter"), 0, moves, 0, n);
        System.arraycopy(in.readInts(n, "the sign changes per parameter"), 0, changes, 0, n);
    }
}
