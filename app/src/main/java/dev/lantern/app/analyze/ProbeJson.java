package dev.lantern.app.analyze;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.analysis.circuits.ProbeScore;
import dev.lantern.app.engine.CheckpointNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the two probe sections share: one {@link ProbeScore} as a JSON row, and the agent's discount. */
final class ProbeJson {

    private ProbeJson() {
    }

    /**
     * One probe as a row of {@code circuits.json}: concept, site, kind, score and its controls, chance, majority,
     * the penalty chosen, the state counts; {@code undefined} only when there is no score.
     */
    static JsonObject row(ProbeScore p) {
        JsonObject o = new JsonObject();
        o.addProperty("concept", p.concept());
        o.addProperty("site", p.site());
        o.addProperty("kind", p.kind().name().toLowerCase(Locale.ROOT));
        o.addProperty("score", p.score());
        o.addProperty("shuffled", p.shuffled());
        o.addProperty("random", p.random());
        o.addProperty("chance", p.chance());
        o.addProperty("majority", p.majority());
        o.addProperty("ridge", p.ridge());
        o.addProperty("lambda", p.lambda());
        o.addProperty("train", p.train());
        o.addProperty("test", p.test());
        if (!p.defined()) {
            o.addProperty("undefined", p.undefined());
        }
        return o;
    }

    /**
     * The discount the run's agent was trained with ({@code agent.gamma} of the run's resolved {@code config.json}),
     * the one V* and the optimal action are computed at; 1 when the agent has none.
     */
    static double gamma(CheckpointNetwork checkpoint) {
        Path config = checkpoint.run().resolve("config.json");
        try {
            JsonObject agent = JsonParser.parseString(Files.readString(config)).getAsJsonObject()
                    .getAsJsonObject("agent");
            return agent != null && agent.has("gamma") ? agent.get("gamma").getAsDouble() : 1.0;
        } catch (IOException | RuntimeException ex) {
            throw new IllegalStateException(config + ": cannot read agent.gamma (" + ex.getMessage() + ")", ex);
        }
    }
}
