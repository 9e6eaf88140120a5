package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.analysis.circuits.ActivationPatching;
import dev.lantern.analysis.circuits.PairSpec;
import dev.lantern.analysis.circuits.PatchSweep;
import dev.lantern.analysis.circuits.PatchSweepRow;
import dev.lantern.analysis.circuits.StatePairs;
import dev.lantern.analysis.circuits.SweepOutput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code patching}: activation patching ({@link PatchSweep}) of every built-in pair set ({@link StatePairs#builtIn})
 * and every pair set of the pair file ({@code --pairs FILE}), reading the outputs of {@link SweepOutput#defaults}:
 * each site patched whole and each neuron of each hidden layer patched alone. A pair set that is empty on the map is
 * one entry saying why. One heatmap figure per non-empty pair set ({@code patching-<i>-<name>.png}).
 */
public final class PatchingSection implements ReportSection {

    /** Neurons printed per pair set (the file holds them all). */
    static final int TOP_PRINTED = 5;

    @Override
    public String member() {
        return "patching";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        List<SweepOutput> outputs = SweepOutput.defaults(context.network());
        JsonObject root = new JsonObject();
        root.addProperty("epsilon", ActivationPatching.EPSILON);
        JsonArray names = new JsonArray();
        outputs.forEach(o -> names.add(o.name()));
        root.add("outputs", names);
        List<StatePairs> sets = new ArrayList<>(StatePairs.builtIn(context.states()));
        int builtIn = sets.size();
        for (PairSpec spec : context.options().pairs()) {
            sets.add(spec.pairs(context.states()));
        }
        JsonArray all = new JsonArray();
        for (int i = 0; i < sets.size(); i++) {
            all.add(pairSet(context, sets.get(i), i < builtIn ? "built-in" : "file", i, outputs));
        }
        root.add("pairSets", all);
        return root;
    }

    private static JsonObject pairSet(AnalysisContext context, StatePairs pairs, String source, int index,
            List<SweepOutput> outputs) {
        JsonObject o = new JsonObject();
        o.addProperty("pairs", pairs.description());
        o.addProperty("source", source);
        o.addProperty("pairCount", pairs.size());
        if (pairs.size() == 0) {
            o.addProperty("undefined", pairs.whyEmpty());
            context.out().printf(Locale.ROOT, "  patching %s: no pairs: %s%n", pairs.description(), pairs.whyEmpty());
            return o;
        }
        PatchSweep sweep = new PatchSweep(new ActivationPatching(context.atlas(), pairs));
        List<PatchSweepRow> rows = sweep.rows(outputs);
        o.addProperty("neuronsPerPass", sweep.neuronsPerPass());
        List<String> order = sweep.wholeSites();
        List<PatchSweepRow> sites = rows.stream().filter(PatchSweepRow::wholeSite)
                .sorted(Comparator.comparingInt((PatchSweepRow r) -> order.indexOf(r.site()))
                        .thenComparingInt(r -> outputs.stream().map(SweepOutput::name).toList().indexOf(r.output())))
                .toList();
        List<PatchSweepRow> neurons = rows.stream().filter(r -> !r.wholeSite()).toList();
        o.add("sites", json(sites, false));
        o.add("neurons", json(neurons, true));
        for (PatchSweepRow r : sites) {
            if (!r.site().endsWith(".pre")) {
                context.out().printf(Locale.ROOT, "  patching %s at %-16s restores %s of %s%n", pairs.description(),
                        r.site(), restored(r), r.output());
            }
        }
        StringBuilder top = new StringBuilder();
        for (PatchSweepRow r : neurons.subList(0, Math.min(TOP_PRINTED, neurons.size()))) {
            top.append(top.length() == 0 ? "" : "; ").append(r.site()).append('[').append(r.neuron()).append("] ")
                    .append(restored(r)).append(" of ").append(r.output());
        }
        context.out().printf(Locale.ROOT, "  patching %s, top neurons: %s%n", pairs.description(), top);
        List<String> layers = sweep.hiddenLayers();
        int[] widths = layers.stream().mapToInt(l -> context.network().site(l).width()).toArray();
        context.figures().image("patching-" + index + slug(pairs.description()), PatchingHeatmap.render(
                pairs.description(), layers, widths, outputs.stream().map(SweepOutput::name).toList(), rows));
        return o;
    }

    private static JsonArray json(List<PatchSweepRow> rows, boolean neuron) {
        JsonArray a = new JsonArray();
        for (PatchSweepRow r : rows) {
            JsonObject o = new JsonObject();
            o.addProperty("site", r.site());
            if (neuron) {
                o.addProperty("neuron", r.neuron());
            }
            o.addProperty("output", r.output());
            o.addProperty("pooledRestored", r.pooledRestored());
            o.addProperty("meanRestored", r.meanRestored());
            o.addProperty("standardError", r.standardError());
            o.addProperty("definedPairs", r.definedCount());
            o.addProperty("undefinedPairs", r.undefinedCount());
            a.add(o);
        }
        return a;
    }

    /**
     * {@code 0.412 (mean 0.398 +- 0.031, 40 pairs defined, 1 undefined)}: the pooled fraction, then the mean of the
     * per-pair fractions with its standard error; or {@code undefined (0 pairs defined, 41 undefined)}.
     */
    private static String restored(PatchSweepRow r) {
        String counts = String.format(Locale.ROOT, "%d pairs defined, %d undefined", r.definedCount(),
                r.undefinedCount());
        return Double.isNaN(r.pooledRestored()) ? "undefined (" + counts + ")" : String.format(Locale.ROOT,
                "%.3f (mean %.3f +- %.3f, %s)", r.pooledRestored(), r.meanRestored(), r.standardError(), counts);
    }

    /** {@code -words-of-the-name}, lower-case, at most 40 characters after the dash. */
    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        s = s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
        return s.isEmpty() ? "" : "-" + s;
    }
}
