package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.ActivationPatching;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.analysis.circuits.PatchEffect;
import dev.lantern.analysis.circuits.StatePairs;
import dev.lantern.analysis.circuits.StateBatch;
import java.util.List;
import java.util.Locale;

/**
 * {@code patching}: activation patching of the value for the built-in pairs at each torso layer (every neuron of the
 * layer patched at once); a pair set that is empty on this map, or a network without a value head, is one row saying
 * why.
 */
public final class PatchingSection implements ReportSection {

    @Override
    public String member() {
        return "patching";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        StateBatch states = context.states();
        JsonArray rows = new JsonArray();
        boolean hasValue = context.hasSite(NeuronAblation.VALUE);
        for (StatePairs pairs : List.of(StatePairs.movedOneCellRight(states),
                StatePairs.withVersusWithoutKey(states))) {
            if (pairs.size() == 0 || !hasValue) {
                JsonObject o = new JsonObject();
                o.addProperty("pairs", pairs.description());
                o.addProperty("undefined", !hasValue ? "the network has no " + NeuronAblation.VALUE + " head"
                        : "no such pairs on " + states.world().spec().id());
                rows.add(o);
                context.out().printf(Locale.ROOT, "  patching %-20s undefined: %s%n", pairs.description(),
                        o.get("undefined").getAsString());
                continue;
            }
            ActivationPatching patching = new ActivationPatching(context.atlas(), pairs);
            for (Site layer : context.atlas().layers()) {
                if (!layer.name().startsWith("torso.")) {
                    continue;
                }
                PatchEffect e = patching.patchSite(layer.name(), new Readout(NeuronAblation.VALUE, 0));
                JsonObject o = new JsonObject();
                o.addProperty("pairs", e.pairs());
                o.addProperty("site", e.site());
                o.addProperty("output", NeuronAblation.VALUE);
                o.addProperty("meanRestored", e.meanRestored());
                o.addProperty("standardError", e.standardError());
                o.addProperty("definedPairs", e.definedCount());
                o.addProperty("undefinedPairs", e.undefinedCount());
                o.addProperty("epsilon", e.epsilon());
                rows.add(o);
                context.out().printf(Locale.ROOT, "  patching %-20s at %-16s restores %.3f +- %.3f of the value "
                        + "(standard error; %d pairs defined, %d undefined)%n", e.pairs(), e.site(),
                        e.meanRestored(), e.standardError(), e.definedCount(), e.undefinedCount());
            }
        }
        return rows;
    }
}
