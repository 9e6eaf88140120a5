package dev.lantern.app.dynamics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * Where a fork's child came from, read defensively from its manifest's {@code fork} object ({@code atStep}, the env step
 * of the parent's checkpoint it was forked at, and {@code parent}, the parent run directory): a run whose manifest has
 * no {@code fork} object, or one without a whole-number {@code atStep}, is not read as a child.
 *
 * @param atStep the fork step {@code k}
 * @param parent the parent run as the manifest names it ("" when it does not)
 */
record ForkOrigin(long atStep, String parent) {

    /** The origin of {@code run}, if its manifest says it is a fork's child. */
    static Optional<ForkOrigin> of(DynamicsRun run) {
        JsonObject manifest = run.manifest();
        if (!manifest.has("fork") || !manifest.get("fork").isJsonObject()) {
            return Optional.empty();
        }
        JsonObject fork = manifest.getAsJsonObject("fork");
        JsonElement at = fork.get("atStep");
        if (at == null || !at.isJsonPrimitive() || !at.getAsJsonPrimitive().isNumber()) {
            return Optional.empty();
        }
        double step = at.getAsDouble();
        if (step < 0 || step != Math.rint(step)) {
            return Optional.empty();
        }
        JsonElement parent = fork.get("parent");
        return Optional.of(new ForkOrigin((long) step, parent != null && parent.isJsonPrimitive()
                ? parent.getAsString() : ""));
    }
}
