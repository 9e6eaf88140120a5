package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.analysis.dynamics.LayerDistance;
import dev.lantern.analysis.dynamics.PolicyComparison;
import java.util.List;

/** The JSON rows that the comparison section and {@code lantern diff} share (fields in {@code docs/dynamics.md}). */
final class ComparisonJson {

    private ComparisonJson() {
    }

    /** The means of a policy comparison. */
    static JsonObject policy(PolicyComparison c) {
        JsonObject o = new JsonObject();
        o.addProperty("decisionStates", c.decisionStates());
        o.addProperty("klForward", c.klForward());
        o.addProperty("klBackward", c.klBackward());
        o.addProperty("klSymmetric", c.klSymmetric());
        o.addProperty("totalVariation", c.totalVariation());
        o.addProperty("agreement", c.agreement());
        o.addProperty("disagreements", c.disagreements());
        o.addProperty("meanAbsValueDiff", c.meanAbsValue());
        o.addProperty("maxAbsValueDiff", c.maxAbsValue());
        return o;
    }

    /** One row per layer, then {@code all}. */
    static JsonArray layers(List<LayerDistance> rows) {
        JsonArray out = new JsonArray();
        for (LayerDistance d : rows) {
            JsonObject o = new JsonObject();
            o.addProperty("layer", d.layer());
            o.addProperty("parameters", d.parameters());
            o.addProperty("l2", d.l2());
            o.addProperty("normA", d.normA());
            o.addProperty("normB", d.normB());
            o.addProperty("relative", d.relative());
            o.addProperty("maxAbs", d.maxAbs());
            out.add(o);
        }
        return out;
    }
}
