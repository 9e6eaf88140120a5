package dev.lantern.app.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields in which two experiments (as {@code config.json} holds them) differ: what a resume compares between the
 * config a run started with (the manifest's {@code config}) and its {@code config.json} now.
 */
final class ConfigChanges {

    private ConfigChanges() {
    }

    /**
     * Refuses a run's {@code config.json} changed since the run started, listing every changed field: the checkpoint,
     * the metrics and the LCA files belong to the experiment the manifest's {@code config} records (written with
     * {@code config.json}, by the same Lantern). The two are compared member by member, so spacing and key order are no change; a Lantern that resolves more
     * fields than the one that started the run does not make an old run look edited.
     *
     * @param manifest the run's manifest, whose {@code config} is what the run started with
     * @throws ConfigException if the file differs, or the manifest has no config to compare with
     */
    static void refuseEdited(Path configFile, JsonObject manifest) {
        if (!manifest.has("config") || !manifest.get("config").isJsonObject()) {
            throw new ConfigException(List.of(configFile.resolveSibling("manifest.json")
                    + ": has no \"config\" to check " + configFile.getFileName() + " against; nothing was changed"));
        }
        JsonElement now;
        try {
            now = JsonParser.parseString(Files.readString(configFile));
        } catch (IOException | RuntimeException ex) { // the loader read it a moment ago
            throw new ConfigException(List.of(configFile + ": cannot read (" + ex.getMessage() + ")"));
        }
        List<String> changes = between(manifest.get("config"), now);
        if (changes.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        problems.add(configFile + ": edited since the run started; a resume continues the run as it started, so "
                + "restore the file (the manifest's \"config\" holds it) or start a new run; nothing was changed");
        changes.forEach(c -> problems.add(configFile + ": " + c));
        throw new ConfigException(problems);
    }

    /**
     * One line per changed field, in the order of {@code started} (fields only in {@code now} last), as
     * {@code training.totalEnvSteps: 256 when the run started, 512 now}; empty when they are equal. Objects are
     * compared member by member, anything else (numbers, strings, arrays) as a whole, by its JSON text.
     */
    static List<String> between(JsonElement started, JsonElement now) {
        List<String> out = new ArrayList<>();
        diff("", started, now, out);
        return out;
    }

    private static void diff(String path, JsonElement a, JsonElement b, List<String> out) {
        if (a != null && b != null && a.isJsonObject() && b.isJsonObject()) {
            JsonObject x = a.getAsJsonObject();
            JsonObject y = b.getAsJsonObject();
            Set<String> keys = new LinkedHashSet<>(x.keySet());
            keys.addAll(y.keySet());
            for (String k : keys) {
                diff(path.isEmpty() ? k : path + "." + k, x.get(k), y.get(k), out);
            }
            return;
        }
        // As JSON text: exact for numbers (a long seed beyond 2^53 included), which both sides write the same way.
        if (!show(a).equals(show(b))) {
            out.add((path.isEmpty() ? "(the whole config)" : path) + ": " + show(a) + " when the run started, "
                    + show(b) + " now");
        }
    }

    private static String show(JsonElement e) {
        return e == null ? "absent" : e.toString();
    }
}
