package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.lantern.analysis.dynamics.ConnectivityMetric;
import dev.lantern.analysis.dynamics.FixedEvaluation;
import dev.lantern.analysis.dynamics.InstabilityAnalysis;
import dev.lantern.analysis.dynamics.InstabilityRow;
import dev.lantern.analysis.dynamics.InterpolationCurve;
import dev.lantern.analysis.dynamics.ModeConnectivity;
import dev.lantern.analysis.dynamics.PercentileBootstrap;
import dev.lantern.app.analyze.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * {@code modeConnectivity}: linear mode connectivity between runs (Frankle et al. 2020) and, for fork children,
 * instability analysis. Runs are grouped by the fork step in their manifest ({@link ForkOrigin}; runs that are not
 * fork children form one group), and every pair within a group is interpolated at its newest common checkpoint over
 * {@value ModeConnectivity#DEFAULT_ALPHAS} alphas and scored by {@link FixedEvaluation} at the first run's discount.
 * Each fork step with two children or more gives a row of the instability table. See {@code docs/dynamics.md}.
 */
final class ModeConnectivitySection implements DynamicsSection {

    /** A pair measured: the runs, the checkpoint, the fork step (null for runs that are not children), the curve. */
    record Pair(DynamicsRun a, DynamicsRun b, long step, Long forkStep, InterpolationCurve curve) {

        /** The pair's name: its runs, after the fork step for children (children of two forks share names). */
        String label() {
            return (forkStep == null ? "" : "k=" + forkStep + ": ") + a.label() + " x " + b.label();
        }
    }

    @Override
    public String member() {
        return "modeConnectivity";
    }

    @Override
    public JsonElement write(DynamicsContext context) {
        JsonObject out = new JsonObject();
        if (context.runs().size() < 2) {
            out.addProperty("skipped", "mode connectivity compares two runs or more; 1 given");
            context.out().println("  mode connectivity: needs two runs or more (1 given)");
            return out;
        }
        double gamma = context.runs().get(0).experiment().agent().discount().orElse(1.0);
        ModeConnectivity lmc = new ModeConnectivity(new FixedEvaluation(context.states(), gamma));
        double[] alphas = ModeConnectivity.alphas(ModeConnectivity.DEFAULT_ALPHAS);
        out.add("alphas", Json.doubles(alphas));
        out.addProperty("gamma", gamma);
        out.addProperty("optimalReturn", lmc.evaluation().optimum());
        Map<Long, List<DynamicsRun>> groups = new TreeMap<>();
        List<DynamicsRun> plain = new ArrayList<>();
        for (DynamicsRun run : context.runs()) {
            ForkOrigin.of(run).ifPresentOrElse(f -> groups.computeIfAbsent(f.atStep(), k -> new ArrayList<>()).add(run),
                    () -> plain.add(run));
        }
        Map<Long, List<InterpolationCurve>> byFork = new LinkedHashMap<>();
        List<Pair> pairs = new ArrayList<>();
        JsonArray pairJson = new JsonArray();
        measure(context, lmc, alphas, plain, null, pairs, pairJson);
        groups.forEach((k, children) -> byFork.put(k, measure(context, lmc, alphas, children, k, pairs, pairJson)));
        out.add("pairs", pairJson);
        List<InstabilityRow> rows = new ArrayList<>();
        byFork.forEach((k, curves) -> {
            if (!curves.isEmpty()) {
                rows.add(InstabilityAnalysis.row(k, groups.get(k).size(), curves, context.options().seed()));
            }
        });
        if (!rows.isEmpty()) {
            out.add("instability", instability(context, rows));
        }
        if (context.options().figures() && !pairs.isEmpty()) {
            ModeConnectivityFigures.curves(context, pairs);
            if (!rows.isEmpty()) {
                ModeConnectivityFigures.barrierVsStep(context, rows);
            }
        }
        return out;
    }

    /** Interpolates every pair of {@code runs} (one group), adding them to {@code pairs}; returns the curves made. */
    private static List<InterpolationCurve> measure(DynamicsContext context, ModeConnectivity lmc, double[] alphas,
            List<DynamicsRun> runs, Long forkStep, List<Pair> pairs, JsonArray json) {
        List<InterpolationCurve> curves = new ArrayList<>();
        for (int[] ij : InstabilityAnalysis.pairs(runs.size())) {
            DynamicsRun a = runs.get(ij[0]);
            DynamicsRun b = runs.get(ij[1]);
            JsonObject o = new JsonObject();
            o.addProperty("a", a.dir().toString());
            o.addProperty("b", b.dir().toString());
            if (forkStep != null) {
                o.addProperty("forkStep", forkStep);
            }
            OptionalLong common = a.checkpointSteps().stream().filter(b.checkpointSteps()::contains)
                    .mapToLong(Long::longValue).max();
            String skipped = null;
            InterpolationCurve curve = null;
            if (common.isEmpty()) {
                skipped = "no common checkpoint (" + a.checkpointSteps() + " vs " + b.checkpointSteps() + ")";
            } else {
                try {
                    curve = lmc.curve(a.network(common.getAsLong()), b.network(common.getAsLong()), alphas);
                } catch (IllegalArgumentException e) {
                    skipped = e.getMessage();
                }
            }
            if (skipped != null) {
                o.addProperty("skipped", skipped);
                context.out().printf(Locale.ROOT, "  mode connectivity %s x %s: skipped, %s%n", a.label(), b.label(),
                        skipped);
            } else {
                long step = common.getAsLong();
                o.addProperty("step", step);
                describe(curve, o);
                curves.add(curve);
                Pair p = new Pair(a, b, step, forkStep, curve);
                pairs.add(p);
                context.out().printf(Locale.ROOT, "  mode connectivity %s @ %,d: barrier return %.4f, loss %.4f,"
                        + " failure %.4f, suboptimal %.4f, policy KL %s (endpoint self-check error %s / %s)%n",
                        p.label(), step, curve.barrier(ConnectivityMetric.RETURN_ERROR),
                        curve.barrier(ConnectivityMetric.LOSS), curve.barrier(ConnectivityMetric.FAILURE),
                        curve.barrier(ConnectivityMetric.SUBOPTIMAL), number(curve.barrier(ConnectivityMetric.POLICY_KL)),
                        number(curve.endpointErrorA()), number(curve.endpointErrorB()));
            }
            json.add(o);
        }
        return curves;
    }

    private static void describe(InterpolationCurve curve, JsonObject o) {
        JsonObject curves = new JsonObject();
        JsonObject barriers = new JsonObject();
        for (ConnectivityMetric m : ConnectivityMetric.values()) {
            curves.add(m.key(), Json.doubles(curve.values(m)));
            barriers.add(m.key(), finite(curve.barrier(m)));
        }
        curves.add("klToA", Json.doubles(curve.klToA()));
        curves.add("klToB", Json.doubles(curve.klToB()));
        o.add("curves", curves);
        o.add("barriers", barriers);
        JsonObject check = new JsonObject();
        check.addProperty("alpha0VsA", curve.endpointErrorA());
        check.addProperty("alpha1VsB", curve.endpointErrorB());
        o.add("endpointError", check);
    }

    private static JsonObject instability(DynamicsContext context, List<InstabilityRow> rows) {
        JsonObject o = new JsonObject();
        o.addProperty("metric", ConnectivityMetric.RETURN_ERROR.key());
        o.addProperty("threshold", InstabilityAnalysis.STABLE_BARRIER);
        o.addProperty("level", InstabilityAnalysis.LEVEL);
        o.addProperty("resamples", PercentileBootstrap.RESAMPLES);
        o.addProperty("seed", context.options().seed());
        JsonArray table = new JsonArray();
        context.out().printf(Locale.ROOT, "  instability (normalised-return barrier between children, mean and"
                + " bootstrap %.0f%% CI over pairs; stable below %.2f):%n", InstabilityAnalysis.LEVEL * 100,
                InstabilityAnalysis.STABLE_BARRIER);
        context.out().printf(Locale.ROOT, "    %12s %8s %6s %10s %22s %7s%n", "fork step k", "children", "pairs",
                "barrier", "95% CI", "stable");
        for (InstabilityRow r : rows) {
            JsonObject row = new JsonObject();
            row.addProperty("atStep", r.atStep());
            row.addProperty("children", r.children());
            row.addProperty("pairs", r.pairs());
            row.add("pairBarriers", Json.doubles(r.pairBarriers()));
            row.addProperty("barrierMean", r.mean());
            row.addProperty("ciLow", r.interval().low());
            row.addProperty("ciHigh", r.interval().high());
            row.addProperty("stable", r.stable());
            JsonObject means = new JsonObject();
            r.meanBarriers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> means.add(e.getKey().key(), finite(e.getValue())));
            row.add("meanBarriers", means);
            table.add(row);
            context.out().printf(Locale.ROOT, "    %,12d %8d %6d %10.4f %22s %7s%n", r.atStep(), r.children(),
                    r.pairs(), r.mean(), String.format(Locale.ROOT, "[%.4f, %.4f]", r.interval().low(),
                            r.interval().high()), r.stable() ? "yes" : "no");
        }
        o.add("rows", table);
        OptionalLong first = InstabilityAnalysis.firstStable(rows);
        o.add("firstStableStep", first.isPresent() ? new JsonPrimitive(first.getAsLong())
                : JsonNull.INSTANCE);
        context.out().printf(Locale.ROOT, "  first stable fork step: %s%n", first.isPresent()
                ? String.format(Locale.ROOT, "%,d", first.getAsLong()) : "none of those forked");
        return o;
    }

    private static JsonElement finite(double v) {
        return Double.isNaN(v) ? JsonNull.INSTANCE : new JsonPrimitive(v);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3g", v);
    }
}
