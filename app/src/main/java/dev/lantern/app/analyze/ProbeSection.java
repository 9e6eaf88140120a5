package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.ConceptProbe;
import dev.lantern.analysis.circuits.ProbeScore;
import dev.lantern.analysis.circuits.StateBatch;
import java.util.List;
import java.util.Locale;

/**
 * {@code probes}: every built-in concept probed at every site ({@link ConceptProbe#table}), each score beside its
 * shuffled-labels and random-initialisation controls and its chance level.
 */
public final class ProbeSection implements ReportSection {

    @Override
    public String member() {
        return "probes";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        StateBatch states = context.states();
        ConceptProbe probe = new ConceptProbe(context.atlas(), context.options().probeSeed())
                .withRandomControl(context.freshAtlas());
        List<Concept> concepts = List.of(Concept.agentRow(states), Concept.agentColumn(states),
                Concept.hasKey(states));
        JsonArray probes = new JsonArray();
        for (ProbeScore p : probe.table(concepts)) {
            JsonObject o = new JsonObject();
            o.addProperty("concept", p.concept());
            o.addProperty("site", p.site());
            o.addProperty("kind", p.kind().name().toLowerCase(Locale.ROOT));
            o.addProperty("score", p.score());
            o.addProperty("shuffled", p.shuffled());
            o.addProperty("random", p.random());
            o.addProperty("chance", p.chance());
            o.addProperty("train", p.train());
            o.addProperty("test", p.test());
            if (!p.defined()) {
                o.addProperty("undefined", p.undefined()); // present only when there is no score
            }
            probes.add(o);
            if (p.site().endsWith(Site.PRE)) {
                continue; // in the file; the summary shows the layers' outputs
            }
            if (p.defined()) {
                context.out().printf(Locale.ROOT, "  probe %-12s at %-16s %.3f (shuffled labels %.3f, random init "
                        + "%.3f, chance %.3f; %d held out)%n", p.concept(), p.site(), p.score(), p.shuffled(),
                        p.random(), p.chance(), p.test());
            } else {
                context.out().printf(Locale.ROOT, "  probe %-12s at %-16s undefined: %s%n", p.concept(), p.site(),
                        p.undefined());
            }
        }
        return probes;
    }
}
