package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.analysis.lca.LcaLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lca}: loss change allocation in depth, per run, from its {@code lca/} files: the run's total and per-term
 * allocation beside the real change of each term (error = real − allocated), the helped / hurt / exactly-zero counts
 * per step and the helped fraction among parameters that moved (per iteration, with Lan et al.'s finding beside it:
 * barely more than half help), how often allocations change sign (oscillation), the cumulative allocation per layer
 * and per neuron, and which layers hurt overall. A run trained without LCA says so.
 */
final class LcaSection implements DynamicsSection {

    /** Lan et al. (NeurIPS 2019), abstract: "barely over 50% of parameters help during any given iteration". */
    static final String PAPER = "Lan et al. 2019: barely over 50% of parameters help during any given iteration";

    @Override
    public String member() {
        return "lca";
    }

    @Override
    public JsonElement write(DynamicsContext context) {
        JsonArray out = new JsonArray();
        for (DynamicsRun run : context.runs()) {
            Path dir = run.dir().resolve("lca");
            JsonObject o = new JsonObject();
            o.addProperty("dir", run.dir().toString());
            if (!run.experiment().lca().enabled() || !Files.exists(dir.resolve("steps.jsonl"))) {
                o.addProperty("recorded", false);
                o.addProperty("note", "trained without loss change allocation (lca.enabled false or --no-lca)");
                context.out().printf(Locale.ROOT, "  %s: no LCA (trained without it)%n", run.label());
                out.add(o);
                continue;
            }
            o.addProperty("recorded", true);
            out.add(analyse(context, run, LcaLog.read(dir), o));
        }
        return out;
    }

    private static JsonObject analyse(DynamicsContext context, DynamicsRun run, LcaLog log, JsonObject o) {
        List<LcaLog.Step> steps = log.steps();
        double actual = 0;
        double allocated = 0;
        Map<String, double[]> termSums = new LinkedHashMap<>();
        double[] x = new double[steps.size()];
        Map<String, double[][]> termCurves = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            LcaLog.Step s = steps.get(i);
            actual += s.actual();
            allocated += s.allocated();
            x[i] = s.envStep();
            for (Map.Entry<String, double[]> t : s.terms().entrySet()) {
                double[] sum = termSums.computeIfAbsent(t.getKey(), k -> new double[2]);
                sum[0] += t.getValue()[0];
                sum[1] += t.getValue()[1];
                double[][] curve = termCurves.computeIfAbsent(t.getKey(), k -> new double[2][steps.size()]);
                curve[0][i] = sum[1];
                curve[1][i] = sum[0];
            }
        }
        PrintWriterLines p = new PrintWriterLines(context, run.label());
        o.addProperty("steps", steps.size());
        o.add("total", change(allocated, actual));
        p.line("%d steps: Σ allocation %.6g vs real probe-loss change %.6g (error %.3g, relative %.2g)", steps.size(),
                allocated, actual, actual - allocated, Math.abs(actual - allocated) / Math.abs(actual));
        JsonObject terms = new JsonObject();
        double termTotal = 0;
        for (Map.Entry<String, double[]> t : termSums.entrySet()) {
            double[] v = t.getValue();
            terms.add(t.getKey(), change(v[1], v[0]));
            termTotal += v[1];
            p.line("term %-8s Σ allocation %.6g vs real change %.6g (error %.3g, relative %.2g)", t.getKey(), v[1],
                    v[0], v[0] - v[1], Math.abs(v[0] - v[1]) / Math.abs(v[0]));
        }
        o.add("terms", terms);
        if (termSums.size() == 1) {
            o.addProperty("termsNote", "one term: the loss is the " + termSums.keySet().iterator().next() + " loss");
        }
        if (!termSums.isEmpty()) {
            o.addProperty("termsMinusTotal", termTotal - allocated);
            p.line("terms add up to the total within %.2g", Math.abs(termTotal - allocated));
        } else {
            p.line("no per-term split (lca.perTerm off, or a run from before it)");
        }
        LcaCounts.write(context, run, log, o, p);
        LcaLayers.write(context, run, log, o, p);
        if (!termCurves.isEmpty()) {
            List<String> names = new ArrayList<>(termCurves.keySet());
            List<double[]> alloc = new ArrayList<>();
            List<double[]> real = new ArrayList<>();
            for (String name : names) {
                alloc.add(termCurves.get(name)[0]);
                real.add(termCurves.get(name)[1]);
            }
            context.figures().chart("lca-terms-" + run.label(), LcaCharts.terms("Loss change allocation per term, "
                    + run.label() + " (terms' errors: " + errors(termSums) + ")", x, names, alloc, real), 900, 480);
        }
        return o;
    }

    private static String errors(Map<String, double[]> termSums) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, double[]> t : termSums.entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(t.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2g", t.getValue()[0] - t.getValue()[1]));
        }
        return b.toString();
    }

    private static JsonObject change(double allocated, double actual) {
        JsonObject c = new JsonObject();
        c.addProperty("allocated", allocated);
        c.addProperty("actual", actual);
        c.addProperty("error", actual - allocated);
        c.addProperty("relativeError", Math.abs(actual - allocated) / Math.abs(actual));
        return c;
    }

    /** Summary lines of one run, indented and labelled. */
    record PrintWriterLines(DynamicsContext context, String label) {
        void line(String format, Object... args) {
            context.out().printf(Locale.ROOT, "  %s: %s%n", label, String.format(Locale.ROOT, format, args));
        }
    }
}
