package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.ConceptProbe;
import dev.lantern.analysis.circuits.ExactConcepts;
import dev.lantern.analysis.circuits.ProbeScore;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code probes}: every built-in concept ({@link ExactConcepts#builtIn}, V* and the optimal action at the agent's
 * discount) probed at every site of the analysed checkpoint ({@link ConceptProbe#table}), each score beside its
 * shuffled-labels and random-initialisation controls, its chance level and the penalty cross-validation chose.
 */
public final class ProbeSection implements ReportSection {

    @Override
    public String member() {
        return "probes";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        double gamma = ProbeJson.gamma(context.checkpoint());
        ConceptProbe probe = new ConceptProbe(context.atlas(), context.options().probeSeed())
                .withRandomControl(context.freshAtlas());
        JsonArray probes = new JsonArray();
        context.out().printf(Locale.ROOT, "  probes (V* and optimal action at gamma %s; balanced accuracy's chance is"
                + " 1/classes, what the majority guess scores):%n", gamma);
        Set<String> undefinedSaid = new HashSet<>();
        for (ProbeScore p : probe.table(ExactConcepts.builtIn(context.states(), gamma))) {
            probes.add(ProbeJson.row(p));
            if (p.site().endsWith(Site.PRE) || p.site().equals("obs")) {
                continue; // in the file; the summary shows the layers' outputs
            }
            if (p.defined()) {
                context.out().printf(Locale.ROOT, "  probe %-16s at %-14s %6.3f (shuffled labels %6.3f, random init "
                        + "%6.3f, chance %.3f, ridge %.0e; %d held out)%n", p.concept(), p.site(), p.score(),
                        p.shuffled(), p.random(), p.chance(), p.ridge(), p.test());
            } else if (undefinedSaid.add(p.concept())) { // once per concept: the reason is the concept's
                context.out().printf(Locale.ROOT, "  probe %-16s undefined: %s%n", p.concept(), p.undefined());
            }
        }
        return probes;
    }
}
