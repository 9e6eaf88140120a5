package dev.lantern.app.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields in which two resolved experiments (as {@code config.json} holds them) differ: what a resume compares
 * between the config a run started with (the manifest's {@code config}) and its {@code config.json} now.
 */
final class ConfigChanges {

    private ConfigChanges() {
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
