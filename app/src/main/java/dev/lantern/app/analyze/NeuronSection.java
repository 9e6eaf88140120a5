package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.analysis.circuits.AblationEffect;
import dev.lantern.analysis.circuits.AblationKind;
import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.ExactConcepts;
import dev.lantern.analysis.circuits.NeuronDescriber;
import dev.lantern.analysis.circuits.NeuronDescription;
import java.util.List;
import java.util.Locale;

/**
 * {@code neurons}: the automatic description of every hidden neuron ({@link NeuronDescriber}: the built-in concepts
 * ({@link ExactConcepts#builtIn}, at the run's discount),
 * the {@value #TOP} top-activating decision states, the mean ablation's effect), in pass order; the summary prints
 * the descriptions of the {@value #PRINTED} neurons whose mean ablation matters most and counts the dead ones.
 */
public final class NeuronSection implements ReportSection {

    /** Top-activating states listed per neuron. */
    static final int TOP = 3;
    /** Descriptions printed. */
    static final int PRINTED = 5;

    @Override
    public String member() {
        return "neurons";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        List<Concept> concepts = ExactConcepts.builtIn(context.states(), ProbeJson.gamma(context.checkpoint()));
        List<AblationEffect> ranked = context.ablationTable(AblationKind.MEAN);
        List<NeuronDescription> all = new NeuronDescriber(context.atlas(), concepts, TOP).describeAll(ranked);
        JsonArray rows = new JsonArray();
        int dead = 0;
        for (NeuronDescription d : all) {
            JsonObject o = new JsonObject();
            o.addProperty("site", d.site());
            o.addProperty("neuron", d.neuron());
            o.addProperty("dead", d.dead());
            o.addProperty("concept", d.concept());
            o.addProperty("r", d.r());
            o.add("topStates", Json.ints(d.topStates()));
            JsonArray labels = new JsonArray();
            d.topLabels().forEach(labels::add);
            o.add("topLabels", labels);
            o.add("topValues", Json.doubles(d.topValues()));
            AblationEffect a = d.ablation();
            o.addProperty("ablationKind", a.kind().name().toLowerCase(Locale.ROOT));
            o.addProperty("ablationPolicyKl", a.policyKl());
            o.addProperty("ablationGreedyChanged", a.greedyChanged());
            o.addProperty("ablationMeanAbsValue", a.meanAbsValue());
            o.addProperty("text", d.text());
            rows.add(o);
            dead += d.dead() ? 1 : 0;
        }
        context.out().printf(Locale.ROOT, "  neurons: %d hidden, %d dead; the %d whose mean ablation matters most:%n",
                all.size(), dead, Math.min(PRINTED, ranked.size()));
        for (AblationEffect e : ranked.subList(0, Math.min(PRINTED, ranked.size()))) {
            all.stream().filter(d -> d.site().equals(e.site()) && d.neuron() == e.neuron()).findFirst()
                    .ifPresent(d -> context.out().println("    " + d.text()));
        }
        return rows;
    }
}
