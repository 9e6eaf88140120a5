package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.ExactConcepts;
import dev.lantern.analysis.circuits.ProbeScore;
import dev.lantern.analysis.circuits.WhatWhenWhere;
import dev.lantern.app.engine.CheckpointNetwork;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code whatWhenWhere}: every built-in concept probed at every layer of every checkpoint of the run
 * ({@link WhatWhenWhere}, McGrath et al. 2022), as a table with its controls, and the figure
 * {@code what-when-where}: concepts as rows, (layer, checkpoint) as columns, colour the score above chance.
 *
 * <p>The layers are the network's layer sites ({@link ActivationAtlas#layers()}: neither the input, which no
 * checkpoint changes, nor the pre-activations). Each checkpoint's network is read as the analysed one is
 * ({@link CheckpointNetwork#load}); the analysed checkpoint's atlas is reused. The random-initialisation control is the
 * run's untrained network, the same for every checkpoint.
 */
public final class WhatWhenWhereSection implements ReportSection {

    @Override
    public String member() {
        return "whatWhenWhere";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        CheckpointNetwork analysed = context.checkpoint();
        double gamma = ProbeJson.gamma(analysed);
        List<WhatWhenWhere.Snapshot> snapshots = new ArrayList<>();
        for (long step : CheckpointNetwork.checkpointSteps(analysed.run())) {
            ActivationAtlas atlas = step == analysed.envSteps() ? context.atlas()
                    : ActivationAtlas.record(analysed.trainedAt(step), context.states());
            snapshots.add(new WhatWhenWhere.Snapshot(step, atlas));
        }
        List<String> sites = context.atlas().layers().stream().map(Site::name).toList();
        List<Concept> concepts = ExactConcepts.builtIn(context.states(), gamma);
        WhatWhenWhere www = WhatWhenWhere.of(snapshots, context.freshAtlas(), concepts, sites,
                context.options().probeSeed());

        JsonObject out = new JsonObject();
        out.addProperty("gamma", gamma);
        table(out, www);
        summary(context.out(), www);
        context.figures().image("what-when-where", ProbeHeatmap.render(www, context.world().spec().id()));
        return out;
    }

    /**
     * Adds {@code www}'s axes ({@code checkpoints}, {@code sites}, {@code concepts}) and its cells to {@code out}:
     * {@code rows} (concept-major, then site, then checkpoint, each with its {@code envSteps}) and {@code randomInit}
     * (concept-major, then site).
     */
    static void table(JsonObject out, WhatWhenWhere www) {
        out.add("checkpoints", steps(www.steps()));
        JsonArray siteNames = new JsonArray();
        www.sites().forEach(siteNames::add);
        out.add("sites", siteNames);
        JsonArray conceptNames = new JsonArray();
        www.concepts().forEach(c -> conceptNames.add(c.name()));
        out.add("concepts", conceptNames);
        JsonArray rows = new JsonArray();
        JsonArray random = new JsonArray();
        for (int c = 0; c < www.concepts().size(); c++) {
            for (int s = 0; s < www.sites().size(); s++) {
                for (int t = 0; t < www.steps().size(); t++) {
                    JsonObject row = ProbeJson.row(www.score(c, s, t));
                    row.addProperty("envSteps", www.steps().get(t));
                    rows.add(row);
                }
                random.add(ProbeJson.row(www.randomInit(c, s)));
            }
        }
        out.add("rows", rows);
        out.add("randomInit", random);
    }

    /** Per defined concept, its best layer at the first and at the last checkpoint, with the controls. */
    static void summary(PrintWriter printer, WhatWhenWhere www) {
        int last = www.steps().size() - 1;
        printer.printf(Locale.ROOT, "  what-when-where: %d concepts x %d layers x %d checkpoints (steps %d..%d)%n",
                www.concepts().size(), www.sites().size(), www.steps().size(), www.steps().get(0),
                www.steps().get(last));
        for (int c = 0; c < www.concepts().size(); c++) {
            if (!www.score(c, 0, 0).defined()) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-16s", www.concepts().get(c).name()));
            for (int t : last == 0 ? new int[] {0} : new int[] {0, last}) {
                ProbeScore best = null;
                for (int s = 0; s < www.sites().size(); s++) {
                    ProbeScore p = www.score(c, s, t);
                    best = best == null || p.score() > best.score() ? p : best;
                }
                line.append(String.format(Locale.ROOT, "  step %d: %.3f at %s (shuffled %.3f, random init %.3f, "
                        + "chance %.3f)", www.steps().get(t), best.score(), best.site(), best.shuffled(), best.random(),
                        best.chance()));
            }
            printer.println(line);
        }
    }

    private static JsonArray steps(List<Long> steps) {
        JsonArray a = new JsonArray();
        steps.forEach(a::add);
        return a;
    }
}
