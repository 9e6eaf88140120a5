package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.dynamics.CkaMatrix;
import dev.lantern.analysis.dynamics.CkaValue;
import dev.lantern.analysis.dynamics.SiteSimilarity;
import dev.lantern.app.dynamics.CkaHeatmap.Estimator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code cka}: representation similarity over every state of the grid world (linear and debiased CKA,
 * {@link dev.lantern.analysis.dynamics.Cka}). For each run, each site's checkpoint x checkpoint matrix and its CKA to
 * its own final checkpoint over training (how representations move); for two or more runs, every site of one against
 * every site of the other at their newest common checkpoint, for every pair of runs (do seeds learn the same
 * features). Printed with the X,X self-check error beside (largest {@code |CKA(X, X) - 1|} over every representation),
 * drawn as heatmaps and a line chart. Undefined values (a site with zero variance) are {@code null} in the file, with
 * their reasons listed.
 */
final class CkaSection implements DynamicsSection {

    /** Figures are drawn for at most this many runs and this many pairs of runs (the file holds them all). */
    static final int MAX_FIGURES = 8;

    @Override
    public String member() {
        return "cka";
    }

    @Override
    public JsonElement write(DynamicsContext context) {
        JsonObject out = new JsonObject();
        out.addProperty("states", context.states().size());
        Set<String> undefined = new LinkedHashSet<>();
        double selfError = 0;
        JsonArray runs = new JsonArray();
        List<DynamicsRun> all = context.runs();
        for (int r = 0; r < all.size(); r++) {
            DynamicsRun run = all.get(r);
            List<Long> steps = run.checkpointSteps();
            List<ActivationAtlas> atlases = steps.stream().map(s -> context.atlas(run, s)).toList();
            List<String> sites = SiteSimilarity.sites(atlases.get(atlases.size() - 1));
            List<CkaMatrix> matrices = new ArrayList<>();
            double runError = 0;
            JsonArray bySite = new JsonArray();
            for (String site : sites) {
                CkaMatrix m = SiteSimilarity.acrossCheckpoints(site, steps, atlases);
                matrices.add(m);
                runError = Math.max(runError, orZero(m.selfCheckError()));
                m.undefinedReasons().forEach(reason -> undefined.add(run.label() + " " + reason));
                JsonObject o = new JsonObject();
                o.addProperty("site", site);
                o.add("linear", matrix(m, Estimator.LINEAR));
                o.add("debiased", matrix(m, Estimator.DEBIASED));
                o.add("linearToFinal", column(m, Estimator.LINEAR, steps.size() - 1));
                o.add("debiasedToFinal", column(m, Estimator.DEBIASED, steps.size() - 1));
                bySite.add(o);
            }
            selfError = Math.max(selfError, runError);
            JsonObject o = new JsonObject();
            o.addProperty("dir", run.dir().toString());
            JsonArray stepArray = new JsonArray();
            steps.forEach(stepArray::add);
            o.add("steps", stepArray);
            o.addProperty("selfCheckError", runError);
            o.add("sites", bySite);
            runs.add(o);
            printRun(context, run, steps, sites, matrices, runError);
            if (context.options().figures() && r < MAX_FIGURES) {
                context.figures().image("cka-run" + (r + 1) + "-checkpoints", CkaFigures.checkpoints(run.label(), sites,
                        matrices, steps, runError));
                context.figures().chart("cka-run" + (r + 1) + "-to-final", CkaFigures.toFinal(run.label(), sites,
                        matrices, steps), 900, 520);
            }
        }
        out.add("runs", runs);
        out.add("pairs", pairs(context, undefined, selfError));
        out.addProperty("selfCheckError", selfError);
        JsonArray reasons = new JsonArray();
        undefined.forEach(reasons::add);
        out.add("undefined", reasons);
        return out;
    }

    private static JsonArray pairs(DynamicsContext context, Set<String> undefined, double selfError) {
        JsonArray pairs = new JsonArray();
        List<DynamicsRun> all = context.runs();
        if (all.size() < 2) {
            context.out().println("  cka across runs: one run, nothing to compare");
        }
        int drawn = 0;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                DynamicsRun a = all.get(i);
                DynamicsRun b = all.get(j);
                JsonObject o = new JsonObject();
                o.addProperty("a", a.dir().toString());
                o.addProperty("b", b.dir().toString());
                long step = newestCommon(a, b);
                if (step < 0) {
                    o.addProperty("note", "no common checkpoint");
                    context.out().printf(Locale.ROOT, "  cka %s vs %s: no common checkpoint%n", a.label(), b.label());
                    pairs.add(o);
                    continue;
                }
                ActivationAtlas atlasA = context.atlas(a, step);
                ActivationAtlas atlasB = context.atlas(b, step);
                CkaMatrix m = SiteSimilarity.acrossRuns(a.label(), atlasA, b.label(), atlasB);
                List<String> rows = SiteSimilarity.sites(atlasA);
                List<String> cols = SiteSimilarity.sites(atlasB);
                m.undefinedReasons().forEach(undefined::add);
                o.addProperty("step", step);
                o.add("rows", strings(rows));
                o.add("cols", strings(cols));
                o.add("linear", matrix(m, Estimator.LINEAR));
                o.add("debiased", matrix(m, Estimator.DEBIASED));
                pairs.add(o);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "  cka %s vs %s at step %,d, same site, linear / debiased:", a.label(), b.label(), step));
                for (int r = 0; r < rows.size(); r++) {
                    int c = cols.indexOf(rows.get(r));
                    if (c >= 0) {
                        line.append(String.format(Locale.ROOT, " %s %s / %s", rows.get(r), text(m.linear(r, c)),
                                text(m.debiased(r, c))));
                    }
                }
                context.out().println(line.append(String.format(Locale.ROOT, "  (X,X self-check error %.1e)",
                        selfError)));
                if (context.options().figures() && drawn++ < MAX_FIGURES) {
                    context.figures().image("cka-run" + (i + 1) + "-run" + (j + 1), CkaFigures.runs(a.label(),
                            b.label(), step, m, rows, cols));
                }
            }
        }
        if (drawn > MAX_FIGURES) {
            context.out().printf(Locale.ROOT, "  cka: figures for the first %d of %d pairs%n", MAX_FIGURES, drawn);
        }
        return pairs;
    }

    private static void printRun(DynamicsContext context, DynamicsRun run, List<Long> steps, List<String> sites,
            List<CkaMatrix> matrices, double error) {
        context.out().printf(Locale.ROOT, "  cka %s: %d checkpoints x %d sites over %d states (X,X self-check error "
                + "%.1e)%n", run.label(), steps.size(), sites.size(), context.states().size(), error);
        int last = steps.size() - 1;
        for (int s = 0; s < sites.size(); s++) {
            CkaMatrix m = matrices.get(s);
            double worst = Double.NaN;
            int at = 0;
            for (int t = 0; t < last; t++) {
                CkaValue v = m.linear(t, t + 1);
                if (v.defined() && !(v.value() >= worst)) {
                    worst = v.value();
                    at = t;
                }
            }
            context.out().printf(Locale.ROOT, "    %-18s first checkpoint to final: linear %s, debiased %s; least "
                    + "alike consecutive checkpoints: %s%n", sites.get(s), text(m.linear(0, last)),
                    text(m.debiased(0, last)), Double.isNaN(worst) ? "n/a" : String.format(Locale.ROOT,
                            "%.3f (%,d to %,d)", worst, steps.get(at), steps.get(at + 1)));
        }
    }

    /** The newest checkpoint step both runs have, or -1. */
    static long newestCommon(DynamicsRun a, DynamicsRun b) {
        List<Long> sa = a.checkpointSteps();
        for (int i = sa.size() - 1; i >= 0; i--) {
            if (b.checkpointSteps().contains(sa.get(i))) {
                return sa.get(i);
            }
        }
        return -1;
    }

    private static JsonArray matrix(CkaMatrix m, Estimator value) {
        JsonArray rows = new JsonArray();
        for (int i = 0; i < m.rows().size(); i++) {
            JsonArray row = new JsonArray();
            for (int j = 0; j < m.cols().size(); j++) {
                row.add(json(value.at(m, i, j)));
            }
            rows.add(row);
        }
        return rows;
    }

    private static JsonArray column(CkaMatrix m, Estimator value, int j) {
        JsonArray col = new JsonArray();
        for (int i = 0; i < m.rows().size(); i++) {
            col.add(json(value.at(m, i, j)));
        }
        return col;
    }

    private static JsonElement json(CkaValue v) {
        return v.defined() ? new JsonPrimitive(v.value()) : JsonNull.INSTANCE;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static String text(CkaValue v) {
        return v.defined() ? String.format(Locale.ROOT, "%.3f", v.value()) : "undefined";
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
