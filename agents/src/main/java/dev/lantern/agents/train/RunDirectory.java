package dev.lantern.agents.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A run directory in the documented format (DESIGN.md):
 * <pre>
 *   manifest.json   config.json   metrics.jsonl   checkpoints/step-000001234/{network.zip, state.json}   lca/
 * </pre>
 * JSON files and checkpoints are written atomically (temporary file or folder, then a rename), so a run killed at
 * any moment leaves a directory whose files are each complete.
 */
public final class RunDirectory {

    /** Pretty-printing Gson for run files. */
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * Creates a new run directory; refuses one that exists and is not empty, so no earlier run is overwritten.
     *
     * @throws IllegalArgumentException if {@code root} exists and is not an empty directory
     */
    public static RunDirectory create(Path root) {
        try {
            if (Files.exists(root)) {
                if (!Files.isDirectory(root)) {
                    throw new IllegalArgumentException(root + ": exists and is not a directory");
                }
                try (Stream<Path> s = Files.list(root)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException(root + ": already exists and is not empty (choose another --out)");
                    }
                }
            }
            Files.createDirectories(root.resolve("checkpoints"));
            return new RunDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** The directory. */
    public Path path() {
        return root;
    }

    /** {@code metrics.jsonl}. */
    public Path metricsFile() {
        return root.resolve("metrics.jsonl");
    }

    /** {@code lca/}, created on demand. */
    public Path lcaDir() {
        return root.resolve("lca");
    }

    /** Writes {@code config.json}, the fully resolved experiment. */
    public void writeConfig(JsonElement config) {
        AtomicFiles.writeString(root.resolve("config.json"), GSON.toJson(config) + "\n");
    }

    /** Replaces {@code manifest.json}. */
    public void writeManifest(JsonElement manifest) {
        AtomicFiles.writeString(root.resolve("manifest.json"), GSON.toJson(manifest) + "\n");
    }

    /**
     * Writes a checkpoint {@code checkpoints/step-<envStep, 9 digits>/}: the network with its updater state
     * ({@code network.zip}, DL4J's ModelSerializer) and the trainer's counters ({@code state.json}).
     *
     * @return the checkpoint folder
     */
    public Path writeCheckpoint(long envStep, ComputationGraph network, JsonElement state) {
        Path target = root.resolve("checkpoints").resolve(String.format("step-%09d", envStep));
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(root.resolve("checkpoints"), ".tmp-step-");
            ModelSerializer.writeModel(network, tmp.resolve("network.zip").toFile(), true);
            Files.writeString(tmp.resolve("state.json"), GSON.toJson(state) + "\n");
            if (Files.exists(target)) {
                // Replace without a moment with no checkpoint: move the old one aside, move the new one in, delete.
                Path old = Files.createTempDirectory(root.resolve("checkpoints"), ".old-step-");
                Files.delete(old);
                AtomicFiles.move(target, old);
                AtomicFiles.move(tmp, target);
                deleteTree(old);
            } else {
                AtomicFiles.move(tmp, target);
            }
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    deleteTree(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover .tmp-step-* folder is ignored by readers
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
