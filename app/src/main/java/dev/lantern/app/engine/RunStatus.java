package dev.lantern.app.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run directory's {@code manifest.json} says of how the run stands ({@code running}, {@code completed},
 * {@code failed}, {@code interrupted}, {@code forked}): what {@code lantern sweep} and {@code lantern instability} read to
 * skip finished runs and resume the others.
 */
public final class RunStatus {

    /** The status of a run that trained to its end. */
    public static final String COMPLETED = "completed";

    private RunStatus() {
    }

    /** The manifest's {@code status}, or empty when there is no readable manifest or no status in it. */
    public static Optional<String> of(Path runDir) {
        try {
            JsonElement s = JsonParser.parseString(Files.readString(runDir.resolve("manifest.json"))).getAsJsonObject()
                    .get("status");
            return s != null && s.isJsonPrimitive() ? Optional.of(s.getAsString()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the run in {@code runDir} completed (its manifest says so). */
    public static boolean completed(Path runDir) {
        return of(runDir).filter(COMPLETED::equals).isPresent();
    }
}
