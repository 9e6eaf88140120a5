package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.Site;
import dev.lantern.agents.run.MetricsLog;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.ExactConcepts;
import dev.lantern.analysis.circuits.WhatWhenWhere;
import dev.lantern.analysis.dynamics.ConceptAcquisition;
import dev.lantern.analysis.dynamics.PhaseChanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code phases}: the events of each run's timeline (issue 11, point 8). Change points ({@link PhaseChanges}) in the
 * episode return, the greedy evaluations' return, the total loss and each layer's loss change allocation per
 * iteration ({@code lca/layer/<layer>}, when the run has LCA), and when each built-in concept was acquired
 * ({@link ConceptAcquisition}: probes of every layer at every checkpoint, with step 0 the run's untrained network).
 * Figure {@code phases-<run>}: the series stacked on one step axis with the events marked.
 */
final class PhasesSection implements DynamicsSection {

    /** The metrics searched for change points besides the per-layer LCA ones, in the order shown. */
    static final List<String> METRICS = List.of("episode/return", "eval/return", "loss/total");

    /** A metric with fewer values than this is not searched (e.g. a run with only the final evaluation). */
    static final int MIN_POINTS = 6;

    @Override
    public String member() {
        return "phases";
    }

    @Override
    public JsonElement write(DynamicsContext context) {
        JsonArray out = new JsonArray();
        java.util.Set<String> figureNames = new java.util.HashSet<>();
        for (int i = 0; i < context.runs().size(); i++) {
            DynamicsRun run = context.runs().get(i);
            String figure = "phases-" + run.label();
            if (!figureNames.add(figure)) { // the same run (or two of one name) given twice
                figure = "phases-" + run.label() + "-" + (i + 1);
                figureNames.add(figure);
            }
            out.add(run(context, run, figure));
        }
        return out;
    }

    private static JsonObject run(DynamicsContext context, DynamicsRun run, String figure) {
        MetricsLog metrics = run.metrics();
        List<String> names = new ArrayList<>();
        for (String m : METRICS) {
            if (metrics.has(m)) {
                names.add(m);
            }
        }
        metrics.names().stream().filter(n -> n.startsWith("lca/layer/")).forEach(names::add);
        boolean lca = names.stream().anyMatch(n -> n.startsWith("lca/"));
        List<PhaseChanges.Event> events = new ArrayList<>();
        List<PhasesFigure.Panel> panels = new ArrayList<>();
        for (String name : names) {
            MetricsLog.Series s = metrics.series(name);
            if (s.size() < MIN_POINTS) {
                continue; // a final evaluation alone has no timeline
            }
            List<PhaseChanges.Event> found = PhaseChanges.of(name, s.steps(), s.values());
            events.addAll(found);
            panels.add(new PhasesFigure.Panel(name, PhaseChanges.prepare(s.steps(), s.values()), found));
        }
        List<ConceptAcquisition.Concept> concepts = concepts(context, run);
        events.sort(Comparator.comparingLong(PhaseChanges.Event::step));

        JsonObject o = new JsonObject();
        o.addProperty("run", run.dir().toString());
        o.addProperty("lca", lca);
        JsonArray ev = new JsonArray();
        for (PhaseChanges.Event e : events) {
            JsonObject j = new JsonObject();
            j.addProperty("step", e.step());
            j.addProperty("series", e.series());
            j.addProperty("direction", e.direction());
            j.addProperty("before", e.before());
            j.addProperty("after", e.after());
            if (Double.isFinite(e.effect())) {
                j.addProperty("effect", e.effect());
            } else {
                j.add("effect", com.google.gson.JsonNull.INSTANCE); // a noise-free series: no noise unit
            }
            ev.add(j);
        }
        o.add("events", ev);
        JsonArray cs = new JsonArray();
        for (ConceptAcquisition.Concept c : concepts) {
            JsonObject j = new JsonObject();
            j.addProperty("concept", c.concept());
            JsonArray steps = new JsonArray();
            JsonArray scores = new JsonArray();
            JsonArray sites = new JsonArray();
            for (int i = 0; i < c.steps().length; i++) {
                steps.add(c.steps()[i]);
                scores.add(c.scores()[i]);
                sites.add(c.sites()[i]);
            }
            j.add("steps", steps);
            j.add("bestScore", scores);
            j.add("bestSite", sites);
            j.addProperty("shuffled", c.shuffled());
            j.addProperty("acquiredAt", c.acquiredAt());
            j.addProperty("after", c.after());
            cs.add(j);
        }
        o.add("concepts", cs);
        print(context, run, events, concepts, lca);
        if (context.options().figures()) {
            context.figures().chart(figure, PhasesFigure.chart(run.label(), panels, concepts),
                    960, 170 * (panels.size() + (concepts.isEmpty() ? 0 : 1)) + 90);
        }
        return o;
    }

    /** Concept acquisition over the run's checkpoints (empty when it has only one checkpoint and no concept). */
    private static List<ConceptAcquisition.Concept> concepts(DynamicsContext context, DynamicsRun run) {
        List<WhatWhenWhere.Snapshot> snapshots = new ArrayList<>();
        for (long step : run.checkpointSteps()) {
            snapshots.add(new WhatWhenWhere.Snapshot(step, context.atlas(run, step)));
        }
        ActivationAtlas fresh = ActivationAtlas.record(run.newest().fresh(), context.states());
        List<String> sites = fresh.layers().stream().map(Site::name).toList();
        double gamma = run.experiment().agent().discount().orElse(1.0);
        List<Concept> concepts = ExactConcepts.builtIn(context.states(), gamma);
        WhatWhenWhere www = WhatWhenWhere.of(snapshots, fresh, concepts, sites, context.options().seed());
        return ConceptAcquisition.of(www);
    }

    private static void print(DynamicsContext context, DynamicsRun run, List<PhaseChanges.Event> events,
            List<ConceptAcquisition.Concept> concepts, boolean lca) {
        context.out().printf(Locale.ROOT, "  phases of %s: %d events%s%n", run.label(), events.size(),
                lca ? "" : " (no LCA in this run: per-layer allocation not searched)");
        for (PhaseChanges.Event e : events) {
            context.out().printf(Locale.ROOT, "    step %,9d  %-24s %s %.4g -> %.4g (%s)%n", e.step(),
                    e.series(), e.direction(), e.before(), e.after(), Double.isFinite(e.effect())
                            ? String.format(Locale.ROOT, "%.1f noise sd", Math.abs(e.effect())) : "a noise-free step");
        }
        for (ConceptAcquisition.Concept c : concepts) {
            if (c.acquiredAt() >= 0) {
                context.out().printf(Locale.ROOT, "    step %,9d  concept %-16s acquired (after step %,d): best probe "
                        + "%.3f -> %.3f, shuffled control %.3f%n", c.acquiredAt(), c.concept(), c.after(),
                        c.scores()[0], max(c.scores()), c.shuffled());
            }
        }
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (x > m) {
                m = x;
            }
        }
        return m;
    }
}
