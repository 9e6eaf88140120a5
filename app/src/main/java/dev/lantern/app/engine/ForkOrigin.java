package dev.lantern.app.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.Reseedable;
import dev.lantern.environments.random.Seeds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a forked run came from, as its manifest's {@code fork} object records it ({@link Fork}), and what that means
 * when the run trains: the new seeds are put into the agent's streams right after the restore from the fork-point
 * checkpoint (and only from it: the run's later checkpoints carry the reseeded streams themselves), and the
 * evaluation held outside the agent uses the fork's {@code eval} seed whenever the run is built.
 *
 * @param checkpoint the fork-point checkpoint's folder name in the run ({@code step-000004000})
 * @param seeds      the new seed of each varied stream (empty when nothing was varied)
 * @param evalSeed   the evaluation seed in force: this fork's {@code eval} seed, or an earlier fork's in the lineage;
 *                   null when no fork varied {@code eval}
 */
public record ForkOrigin(String checkpoint, Map<String, Long> seeds, Long evalSeed) {

    /** The manifest member. */
    public static final String MEMBER = "fork";

    /** Copies the seeds. */
    public ForkOrigin {
        seeds = Map.copyOf(seeds);
    }

    /**
     * The fork a run's manifest records, or null for a run that is no fork (or has no manifest).
     *
     * @throws IllegalArgumentException if the {@code fork} object is malformed, naming what is missing
     */
    public static ForkOrigin of(JsonObject manifest) {
        if (manifest == null || !manifest.has(MEMBER) || !manifest.get(MEMBER).isJsonObject()) {
            return null;
        }
        JsonObject f = manifest.getAsJsonObject(MEMBER);
        try {
            Map<String, Long> seeds = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : f.getAsJsonObject("seeds").entrySet()) {
                seeds.put(e.getKey(), e.getValue().getAsLong());
            }
            Long eval = f.has("evalSeed") && !f.get("evalSeed").isJsonNull() ? f.get("evalSeed").getAsLong() : null;
            return new ForkOrigin(f.get("checkpoint").getAsString(), seeds, eval);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("manifest.json: fork: malformed (" + e.getMessage()
                    + "); expected checkpoint, seeds and evalSeed as lantern fork writes them", e);
        }
    }

    /** The seed of the evaluation held outside the agent in a run seeded {@code runSeed} with this origin. */
    public long evalSeed(long runSeed) {
        return evalSeed != null ? evalSeed : Seeds.derive(runSeed, Seeds.EVAL);
    }

    /**
     * Reseeds {@code agent}'s varied streams when {@code resumedFrom} is the fork-point checkpoint; does nothing for
     * a later checkpoint, whose agent state already holds the reseeded streams as they went on. Reseeding twice with
     * no draw between leaves the same state, so a child stopped before it drew is continued exactly.
     *
     * @return whether it reseeded
     * @throws IllegalArgumentException if the agent lacks a stream the fork varied (other than {@code eval}, which
     *                                  lives outside agents that do not draw from it)
     */
    public boolean reseedAt(Path resumedFrom, LearningAgent agent) {
        if (resumedFrom == null || !resumedFrom.getFileName().toString().equals(checkpoint)) {
            return false;
        }
        for (Map.Entry<String, Long> s : seeds.entrySet()) {
            boolean has = agent instanceof Reseedable r && r.reseedableStreams().contains(s.getKey());
            if (has) {
                ((Reseedable) agent).reseed(s.getKey(), s.getValue());
            } else if (!s.getKey().equals(Seeds.EVAL)) {
                throw new IllegalArgumentException("manifest.json: fork: varies stream '" + s.getKey()
                        + "', which this run's learner does not have");
            }
        }
        return true;
    }
}
