package dev.lantern.app.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;

/**
 * Where a fork's child branched off (the manifest's {@code fork} object, docs/forks.md): its parent run directory and
 * the env step of the fork. Read defensively: a manifest without a well-formed {@code fork} object has no link.
 *
 * @param parent the parent run directory, absolute and normalised
 * @param atStep the fork point in environment steps
 */
record ForkLink(Path parent, long atStep) {

    /** The link in {@code manifest}, or null when it has no {@code fork} object with a {@code parent} and an {@code atStep}. */
    static ForkLink read(JsonObject manifest) {
        JsonElement f = manifest == null ? null : manifest.get("fork");
        if (f == null || !f.isJsonObject()) {
            return null;
        }
        JsonObject o = f.getAsJsonObject();
        JsonElement parent = o.get("parent");
        JsonElement at = o.get("atStep");
        if (parent == null || at == null || !parent.isJsonPrimitive() || !at.isJsonPrimitive()
                || !at.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        try {
            return new ForkLink(Path.of(parent.getAsString()).toAbsolutePath().normalize(), at.getAsLong());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
