package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.analysis.circuits.AblationEffect;
import dev.lantern.analysis.circuits.AblationKind;
import dev.lantern.analysis.circuits.NeuronAblation;
import java.util.Locale;

/**
 * {@code ablation}: per ablation kind, every hidden neuron's effect over the whole state space
 * ({@link NeuronAblation#table}), most effective first; the largest is printed.
 */
public final class AblationSection implements ReportSection {

    @Override
    public String member() {
        return "ablation";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        NeuronAblation ablation = new NeuronAblation(context.atlas());
        JsonObject ablations = new JsonObject();
        for (AblationKind kind : AblationKind.values()) {
            JsonArray rows = new JsonArray();
            AblationEffect top = null;
            for (AblationEffect a : ablation.table(kind)) {
                JsonObject o = new JsonObject();
                o.addProperty("site", a.site());
                o.addProperty("neuron", a.neuron());
                o.addProperty("replacement", a.replacement());
                o.addProperty("policyKl", a.policyKl());
                o.addProperty("greedyChanged", a.greedyChanged());
                o.addProperty("meanAbsValue", a.meanAbsValue());
                rows.add(o);
                if (top == null || rank(a) > rank(top)) {
                    top = a;
                }
            }
            ablations.add(kind.name().toLowerCase(Locale.ROOT), rows);
            if (top != null) {
                context.out().printf(Locale.ROOT, "  %s ablation: largest effect at %s #%d: policy KL %.4g, greedy "
                        + "action changed in %.1f%% of decision states, mean |value change| %.4g%n",
                        kind.name().toLowerCase(Locale.ROOT), top.site(), top.neuron(), top.policyKl(),
                        100 * top.greedyChanged(), top.meanAbsValue());
            }
        }
        return ablations;
    }

    /** An ablation's size: its policy KL, or for a Q-network (no policy, KL NaN) its mean value change. */
    private static double rank(AblationEffect a) {
        return Double.isNaN(a.policyKl()) ? a.meanAbsValue() : a.policyKl();
    }
}
