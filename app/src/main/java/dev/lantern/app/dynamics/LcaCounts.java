package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.analysis.lca.LcaLog;
import dev.lantern.app.analyze.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link LcaSection}'s counts: helped / hurt / exactly-zero allocations per step (means over the run), the helped
 * fraction among parameters that moved per iteration (probe window: the mean over its steps) with its histogram, and
 * the oscillation summary the recorder wrote.
 */
final class LcaCounts {

    private LcaCounts() {
    }

    static void write(DynamicsContext context, DynamicsRun run, LcaLog log, JsonObject o,
            LcaSection.PrintWriterLines p) {
        double helped = 0;
        double hurt = 0;
        double zero = 0;
        int counted = 0;
        Map<Long, double[]> perWindow = new LinkedHashMap<>(); // window -> {Σ among moved, Σ of all, steps, envStep}
        for (LcaLog.Step s : log.steps()) {
            if (!s.hasCounts()) {
                continue;
            }
            helped += s.helped();
            hurt += s.hurt();
            zero += s.zero();
            counted++;
            int moved = s.helped() + s.hurt();
            double[] w = perWindow.computeIfAbsent(s.window(), k -> new double[] {0, 0, 0, s.envStep()});
            w[0] += moved == 0 ? 0.5 : s.helped() / (double) moved;
            w[1] += s.helped() / (double) (s.helped() + s.hurt() + s.zero());
            w[2]++;
        }
        if (counted == 0) {
            o.addProperty("countsNote", "no helped / hurt / zero counts in steps.jsonl (a run from before them)");
            p.line("no helped / hurt / zero counts (a run from before them)");
            return;
        }
        double params = (helped + hurt + zero) / counted;
        double[] among = new double[perWindow.size()];
        double[] all = new double[perWindow.size()];
        double[] at = new double[perWindow.size()];
        int i = 0;
        for (double[] w : perWindow.values()) {
            among[i] = w[0] / w[2];
            all[i] = w[1] / w[2];
            at[i] = w[3];
            i++;
        }
        double meanAmong = mean(among);
        JsonObject c = new JsonObject();
        c.addProperty("parameters", params);
        c.addProperty("meanHelped", helped / counted);
        c.addProperty("meanHurt", hurt / counted);
        c.addProperty("meanZero", zero / counted);
        c.addProperty("meanHelpedFraction", mean(all));
        c.addProperty("meanHelpedAmongMoved", meanAmong);
        c.addProperty("minHelpedAmongMoved", min(among));
        c.addProperty("maxHelpedAmongMoved", -min(negate(among)));
        c.addProperty("iterations", among.length);
        c.add("helpedAmongMovedPerIteration", Json.doubles(among));
        c.addProperty("paper", LcaSection.PAPER);
        o.add("counts", c);
        p.line("per step (mean of %d): helped %.0f, hurt %.0f, exactly zero %.0f of %.0f parameters; helped fraction "
                + "%.3f of all, %.3f among the moved (per-iteration range %.3f to %.3f; %s)", counted, helped / counted,
                hurt / counted, zero / counted, params, mean(all), meanAmong, min(among), -min(negate(among)),
                LcaSection.PAPER);
        Map<String, double[][]> lines = new LinkedHashMap<>();
        lines.put("helped among parameters that moved", new double[][] {at, among});
        lines.put("helped among all parameters", new double[][] {at, all});
        context.figures().chart("lca-helped-" + run.label(), LcaCharts.lines("Fraction of parameters that helped, "
                + run.label() + " (mean over each iteration's steps; among moved: mean " + String.format(
                java.util.Locale.ROOT, "%.3f", meanAmong) + ")", "fraction of parameters", lines, 0.5, "one half"),
                900, 460);
        context.figures().chart("lca-helped-histogram-" + run.label(), LcaCharts.histogram("Helped fraction among "
                + "moved parameters over " + among.length + " iterations, " + run.label(),
                "fraction of moved parameters that helped", "iterations", among, 40, 0, 1), 760, 420);
        if (log.summary() != null && log.summary().has("oscillation")) {
            JsonObject osc = log.summary().getAsJsonObject("oscillation");
            o.add("oscillation", osc);
            JsonArray h = osc.getAsJsonArray("rateHistogram");
            long[] bins = new long[h.size()];
            for (int b = 0; b < bins.length; b++) {
                bins[b] = h.get(b).getAsLong();
            }
            List<String> layers = new ArrayList<>();
            for (var e : osc.getAsJsonObject("layers").entrySet()) {
                layers.add(String.format(java.util.Locale.ROOT, "%s %.3f", e.getKey(),
                        e.getValue().getAsJsonObject().get("meanRate").getAsDouble()));
            }
            p.line("oscillation: mean sign-change rate %.3f (changes / (moves − 1); 1 = flips every step) over %d "
                    + "parameters that moved in 2+ steps; per layer: %s", osc.get("meanRate").getAsDouble(),
                    osc.get("counted").getAsLong(), String.join(", ", layers));
            context.figures().chart("lca-oscillation-" + run.label(), LcaCharts.bins("How often each parameter's "
                    + "allocation changes sign, " + run.label() + " (" + osc.get("counted").getAsLong()
                    + " parameters that moved in 2+ steps)", "sign changes / (steps moved − 1)", "parameters", bins, 0,
                    1), 760, 420);
        } else {
            p.line("oscillation: not in lca/summary.json (a run not finished, or from before it)");
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double[] negate(double[] v) {
        double[] n = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            n[i] = -v[i];
        }
        return n;
    }
}
