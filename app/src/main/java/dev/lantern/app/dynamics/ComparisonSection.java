package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.analysis.dynamics.LayerDistance;
import dev.lantern.analysis.dynamics.ParameterDistance;
import dev.lantern.analysis.dynamics.PolicyComparison;
import dev.lantern.analysis.dynamics.PolicyTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code comparison}: every pair of runs compared over every state of their grid world at each checkpoint step that
 * all runs have ({@link PolicyComparison}: policy KL both ways and symmetric, total variation, greedy-action agreement,
 * value difference; {@link ParameterDistance} per layer when the architectures match). Steps that not every run
 * checkpointed are listed, not compared. Figures: each pair's greedy actions and value difference on the grid at the
 * newest common step, the comparison and parameter distance over the common steps, and each run's return and
 * performance curves overlaid ({@link ComparisonCharts}). A run against itself is printed beside the pairs as the
 * control (zero everywhere, agreement 1).
 */
final class ComparisonSection implements DynamicsSection {

    @Override
    public String member() {
        return "comparison";
    }

    @Override
    public JsonElement write(DynamicsContext context) {
        List<DynamicsRun> runs = context.runs();
        JsonObject o = new JsonObject();
        JsonArray labels = new JsonArray();
        runs.forEach(r -> labels.add(r.label()));
        o.add("runs", labels);
        if (context.options().figures()) {
            ComparisonCharts.curves(context);
        }
        if (runs.size() < 2) {
            o.addProperty("applies", false);
            o.addProperty("reason", "a comparison needs two or more runs, got 1");
            context.out().println("  comparison: needs two or more runs, got 1");
            return o;
        }
        List<Long> common = commonSteps(runs);
        o.add("matchingSteps", longs(common));
        JsonObject unmatched = new JsonObject();
        for (DynamicsRun r : runs) {
            List<Long> only = new ArrayList<>(r.checkpointSteps());
            only.removeAll(common);
            unmatched.add(r.label(), longs(only));
        }
        o.add("unmatchedSteps", unmatched);
        if (common.isEmpty()) {
            o.addProperty("applies", false);
            o.addProperty("reason", "no checkpoint step is common to all runs");
            context.out().println("  comparison: no checkpoint step is common to all runs (see unmatchedSteps)");
            return o;
        }
        o.addProperty("applies", true);
        Map<String, PolicyTable> tables = new HashMap<>();
        long newest = common.get(common.size() - 1);
        PolicyTable control = table(context, tables, runs.get(0), newest);
        PolicyComparison self = PolicyComparison.of(control, control);
        JsonObject controlJson = ComparisonJson.policy(self);
        InspectableNetwork first = context.network(runs.get(0), newest);
        List<LayerDistance> selfDistance = ParameterDistance.perLayer(first, first);
        controlJson.add("parameters", ComparisonJson.layers(selfDistance));
        o.add("control", controlJson);
        o.addProperty("policy", control.qNetwork() ? "greedy (Q-network)" : "softmax");
        context.out().printf(Locale.ROOT, "  comparison at %d common step%s (newest %,d); control %s vs itself: "
                + "KL %s, TV %s, agreement %s, parameter distance %s%n", common.size(), common.size() == 1 ? "" : "s",
                newest, runs.get(0).label(), num(self.klSymmetric()), num(self.totalVariation()), num(self.agreement()),
                num(selfDistance.get(selfDistance.size() - 1).l2()));
        JsonArray pairs = new JsonArray();
        List<ComparisonCharts.PairSeries> series = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                pairs.add(pair(context, tables, runs, i, j, common, series));
            }
        }
        o.add("pairs", pairs);
        if (context.options().figures() && common.size() > 1) {
            ComparisonCharts.overSteps(context, series);
        }
        return o;
    }

    private JsonObject pair(DynamicsContext context, Map<String, PolicyTable> tables, List<DynamicsRun> runs, int i,
            int j, List<Long> common, List<ComparisonCharts.PairSeries> series) {
        DynamicsRun a = runs.get(i);
        DynamicsRun b = runs.get(j);
        JsonObject p = new JsonObject();
        p.addProperty("a", a.label());
        p.addProperty("b", b.label());
        long newest = common.get(common.size() - 1);
        boolean same = ParameterDistance.sameArchitecture(context.network(a, newest), context.network(b, newest));
        p.addProperty("sameArchitecture", same);
        String na = ComparisonCharts.name(runs, i);
        String nb = ComparisonCharts.name(runs, j);
        ComparisonCharts.PairSeries s = new ComparisonCharts.PairSeries(na + " vs " + nb);
        JsonArray steps = new JsonArray();
        PolicyComparison last = null;
        List<LayerDistance> lastDistance = List.of();
        for (long step : common) {
            PolicyTable ta = table(context, tables, a, step);
            PolicyTable tb = table(context, tables, b, step);
            if (ta.qNetwork() != tb.qNetwork()) {
                p.addProperty("comparable", false);
                p.addProperty("reason", a.label() + " is " + kind(ta) + ", " + b.label() + " " + kind(tb));
                context.out().printf("  %s vs %s: not comparable (%s, %s)%n", a.label(), b.label(), kind(ta),
                        kind(tb));
                return p;
            }
            last = PolicyComparison.of(ta, tb);
            JsonObject row = ComparisonJson.policy(last);
            row.addProperty("step", step);
            if (same) {
                lastDistance = ParameterDistance.perLayer(context.network(a, step), context.network(b, step));
                row.add("parameters", ComparisonJson.layers(lastDistance));
            }
            steps.add(row);
            s.add(step, last, lastDistance);
        }
        p.addProperty("comparable", true);
        p.add("steps", steps);
        series.add(s);
        context.out().printf(Locale.ROOT, "  %s vs %s at %,d: agreement %.4f (%d of %d decision states differ), "
                + "TV %.4f, KL %s (a||b %s, b||a %s), mean |dV| %.4f (max %.4f)%s%n", a.label(), b.label(), newest,
                last.agreement(), last.disagreements(), last.decisionStates(), last.totalVariation(),
                num(last.klSymmetric()), num(last.klForward()), num(last.klBackward()), last.meanAbsValue(),
                last.maxAbsValue(), same ? String.format(Locale.ROOT, ", parameters L2 %.4g (relative %.4f)",
                        lastDistance.get(lastDistance.size() - 1).l2(),
                        lastDistance.get(lastDistance.size() - 1).relative()) : ", architectures differ");
        if (context.options().figures()) {
            String name = (i + 1) + "-" + (j + 1);
            context.figures().image("comparison-agreement-" + name, GridPictures.agreement(context.states(), last,
                    String.format(Locale.ROOT, "Greedy actions, %s vs %s at step %,d: agreement %.3f (%d of %d "
                            + "differ)", na, nb, newest, last.agreement(), last.disagreements(),
                            last.decisionStates()), na, nb));
            context.figures().image("comparison-value-" + name, GridPictures.valueChange(context.states(), last,
                    String.format(Locale.ROOT, "V(%s) - V(%s) at step %,d: mean |dV| %.4f, max %.4f", nb,
                            na, newest, last.meanAbsValue(), last.maxAbsValue())));
        }
        return p;
    }

    private static PolicyTable table(DynamicsContext context, Map<String, PolicyTable> tables, DynamicsRun run,
            long step) {
        return tables.computeIfAbsent(run.dir().toAbsolutePath().normalize() + "@" + step,
                k -> PolicyTable.of(context.atlas(run, step)));
    }

    /** The checkpoint steps every run has, ascending. */
    static List<Long> commonSteps(List<DynamicsRun> runs) {
        Set<Long> common = new LinkedHashSet<>(runs.get(0).checkpointSteps());
        for (DynamicsRun r : runs.subList(1, runs.size())) {
            common.retainAll(r.checkpointSteps());
        }
        return common.stream().sorted().toList();
    }

    private static String kind(PolicyTable t) {
        return t.qNetwork() ? "a Q-network" : "an actor-critic";
    }

    private static JsonArray longs(List<Long> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }
}
