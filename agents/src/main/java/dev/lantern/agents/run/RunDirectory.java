package dev.lantern.agents.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A run directory in the documented format (DESIGN.md):
 * <pre>
 *   manifest.json   config.json   metrics.jsonl   lca/
 *   checkpoints/step-000001234/{network.zip, state.json, agent.state, recorders.state}
 * </pre>
 * {@code agent.state} and {@code recorders.state} (what an exact resume needs besides the network: random streams,
 * environments mid-episode, replay buffers, LCA totals) are kept in the newest checkpoint only, and dropped when the
 * run completes; every checkpoint keeps its network and counters for analysis. A run told to keep them
 * ({@link #keepResumeStates(boolean)}, {@code training.keepStates}) keeps them in every checkpoint instead, so that any
 * of them can be forked.
 * JSON files and checkpoints are written atomically (temporary file or folder, then a rename), so a run killed at
 * any moment leaves a directory whose files are each complete.
 */
public final class RunDirectory {

    /** Pretty-printing Gson for run files. */
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private final Path root;
    private final CheckpointIntegrity.AppendedFiles appended;

    private RunLock lock;
    private boolean reused;
    private boolean keepResumeStates;

    private RunDirectory(Path root) {
        this.root = root;
        this.appended = new CheckpointIntegrity.AppendedFiles(root);
    }

    /**
     * Takes the directory's one-writer lock ({@link RunLock}) for this process; a second writer is refused.
     *
     * @throws RunLockedException if another process, or this one, is writing the run
     */
    public synchronized void lockForWriting() {
        if (lock == null) {
            lock = RunLock.acquire(root);
        }
    }

    /** Releases the one-writer lock, if this object holds it. */
    public synchronized void unlock() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    /**
     * Creates a new run directory; refuses one that exists and is not empty, so no earlier run is overwritten, except a
     * directory that holds only a run stopped before its first checkpoint (killed, or failed on a full disk): that one
     * holds no completed work, and is cleared and reused ({@link #reused()}) once this object holds its lock, so a run
     * still training there is refused instead.
     *
     * @throws IllegalArgumentException if {@code root} is not writable, or exists and is neither empty nor reusable
     * @throws RunLockedException if {@code root} is reusable but another process is writing it
     */
    public static RunDirectory create(Path root) {
        checkWritable(root);
        try {
            boolean reuse = false;
            if (Files.exists(root)) {
                if (!Files.isDirectory(root)) {
                    throw new IllegalArgumentException(root + ": exists and is not a directory");
                }
                try (Stream<Path> s = Files.list(root)) {
                    if (s.findAny().isPresent()) {
                        String why = Leftovers.whyNotReusable(root);
                        if (why != null) {
                            throw new IllegalArgumentException(root + ": already exists and " + why
                                    + " (choose another --out)");
                        }
                        reuse = true;
                    }
                }
            }
            Files.createDirectories(root.resolve("checkpoints"));
            RunDirectory dir = new RunDirectory(root);
            if (reuse) {
                dir.lockForWriting();
                try {
                    Leftovers.clearRun(root, false);
                } catch (IOException | RuntimeException e) {
                    dir.unlock();
                    throw e;
                }
                dir.reused = true;
            }
            return dir;
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException(root + ": not writable (permission denied on " + e.getFile()
                    + "; choose another --out)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a directory (or, when it does not exist yet, the nearest folder above it) that cannot be written. */
    private static void checkWritable(Path root) {
        Path existing = root.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isDirectory(existing) && !Files.isWritable(existing)) {
            String where = existing.equals(root.toAbsolutePath().normalize()) ? "the directory is read-only"
                    : existing + " is read-only";
            throw new IllegalArgumentException(root + ": not writable (" + where + "; choose another --out)");
        }
    }

    /**
     * Whether older checkpoints keep their resume states ({@code agent.state}, {@code recorders.state}) when a newer
     * one is written and when the run completes: false (the default) drops them, true keeps them, so that every
     * checkpoint can be forked; the final checkpoint of a completed run holds none either way.
     */
    public void keepResumeStates(boolean keep) {
        this.keepResumeStates = keep;
    }

    /** True if {@link #create} cleared and reused a directory that held a run stopped before its first checkpoint. */
    public boolean reused() {
        return reused;
    }

    /**
     * Opens an existing run directory (to resume it or read it). A run killed before it wrote its manifest (it has
     * {@code config.json}) is accepted: it can only be started again from scratch.
     *
     * @throws IllegalArgumentException if {@code root} is not a directory holding {@code config.json} and
     *                                  {@code checkpoints/} (and {@code manifest.json}, named first when both are missing)
     */
    public static RunDirectory open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + ": no such run directory");
        }
        for (String name : new String[] {"manifest.json", "config.json", "checkpoints"}) {
            boolean optional = name.equals("manifest.json") && Files.exists(root.resolve("config.json"));
            if (!optional && !Files.exists(root.resolve(name))) {
                throw new IllegalArgumentException(root + ": not a Lantern run directory (no " + name + ")");
            }
        }
        return new RunDirectory(root);
    }

    /**
     * Clears a run that never checkpointed, to train it again from scratch: {@code metrics.jsonl}, {@code lca/} and
     * everything in {@code checkpoints/} are deleted; {@code config.json}, the manifest and the lock stay. The caller
     * holds the lock.
     */
    public void clearForRestart() {
        try {
            Leftovers.clearRun(root, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + root + " to start the run again: " + e.getMessage(), e);
        }
    }

    /**
     * Removes what writes interrupted by a kill left behind ({@code checkpoints/.tmp-step-*} folders, temporary
     * {@code .*.tmp} files), and puts back a checkpoint that was moved aside to be replaced when its replacement never
     * arrived. The caller holds the lock.
     *
     * @return what was removed or put back, relative to the directory
     */
    public List<String> removeLeftovers() {
        try {
            return Leftovers.remove(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove leftovers in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest checkpoint that holds everything a resume needs ({@code state.json}, {@code agent.state},
     * {@code recorders.state}, and {@code network.zip} for learners with a network), or null if there is none. Temporary folders of a checkpoint being
     * written when the run was killed are ignored.
     */
    public Path latestResumableCheckpoint() {
        try (Stream<Path> s = Files.list(root.resolve("checkpoints"))) {
            return s.filter(p -> p.getFileName().toString().matches("step-\\d{9,}"))
                    .filter(p -> Stream.of(STATE, AGENT_STATE, RECORDERS_STATE)
                            .allMatch(f -> Files.isRegularFile(p.resolve(f))))
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString()))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root.resolve("checkpoints") + ": " + e.getMessage(), e);
        }
    }

    /** The network with its updater state, in a checkpoint folder. */
    public static final String NETWORK = "network.zip";
    /** The trainer's counters, in a checkpoint folder. */
    public static final String STATE = "state.json";
    /** The agent's own state ({@link dev.lantern.agents.run.state.StateWriter} format), in the newest checkpoint. */
    public static final String AGENT_STATE = "agent.state";
    /** The recorders' states, in the newest checkpoint. */
    public static final String RECORDERS_STATE = "recorders.state";
    /**
     * The files a run appends to, relative to the run directory: a checkpoint records the length of each and the
     * checksum of that prefix ({@link CheckpointIntegrity}), which a resume checks before it cuts the file back to it.
     */
    public static final java.util.List<String> APPENDED_FILES = java.util.List.of("metrics.jsonl", "lca/steps.jsonl",
            "lca/neurons.jsonl");

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
        return writeCheckpoint(envStep, network, state, Map.of());
    }

    /**
     * Writes a checkpoint as {@link #writeCheckpoint(long, ComputationGraph, JsonElement)} plus the files that
     * {@code extraFiles} write (name to writer), all inside the folder before it is renamed into place. When the extra
     * files include {@link #AGENT_STATE}, the resume states of older checkpoints are deleted afterwards (unless they are
     * kept, {@link #keepResumeStates(boolean)}).
     * {@code state.json} is written last, with the checksums of the folder's other files and of the appended files'
     * present contents ({@link CheckpointIntegrity}).
     */
    public Path writeCheckpoint(long envStep, ComputationGraph network, JsonElement state,
            Map<String, Consumer<OutputStream>> extraFiles) {
        Path target = root.resolve("checkpoints").resolve(String.format("step-%09d", envStep));
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(root.resolve("checkpoints"), ".tmp-step-");
            if (network != null) { // a tabular learner has none
                try (OutputStream out = checkpointFile(tmp.resolve(NETWORK))) {
                    ModelSerializer.writeModel(network, out, true);
                }
            }
            try (OutputStream out = checkpointFile(tmp.resolve(STATE))) {
                out.write((GSON.toJson(state) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, Consumer<OutputStream>> f : extraFiles.entrySet()) {
                try (OutputStream out = checkpointFile(tmp.resolve(f.getKey()))) {
                    f.getValue().accept(out);
                }
            }
            com.google.gson.JsonObject sealed = state.getAsJsonObject().deepCopy();
            com.google.gson.JsonObject files = new com.google.gson.JsonObject();
            if (network != null) {
                files.add(NETWORK, CheckpointIntegrity.describe(tmp.resolve(NETWORK)));
            }
            for (String name : extraFiles.keySet()) {
                files.add(name, CheckpointIntegrity.describe(tmp.resolve(name)));
            }
            sealed.add(CheckpointIntegrity.FILES, files);
            sealed.add(CheckpointIntegrity.APPENDED, appended.record());
            Files.writeString(tmp.resolve(STATE), CheckpointIntegrity.seal(sealed));
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
            if (extraFiles.containsKey(AGENT_STATE)) {
                pruneResumeStates(target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) { // from a state writer
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getCause().getMessage(),
                    e.getCause());
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

    private static OutputStream checkpointFile(Path file) throws IOException {
        return FaultInjection.wrap(file, new java.io.BufferedOutputStream(Files.newOutputStream(file)));
    }

    /**
     * Deletes the resume states of every checkpoint (a completed run is not resumed; DQN's replay is large), unless
     * they are kept ({@link #keepResumeStates(boolean)}).
     */
    public void dropResumeStates() {
        try {
            pruneResumeStates(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete resume states in " + root.resolve("checkpoints") + ": "
                    + e.getMessage(), e);
        }
    }

    private void pruneResumeStates(Path keep) throws IOException {
        if (keepResumeStates) {
            return;
        }
        try (Stream<Path> s = Files.list(root.resolve("checkpoints"))) {
            for (Path p : s.filter(p -> !p.equals(keep) && p.getFileName().toString().startsWith("step-")).toList()) {
                Files.deleteIfExists(p.resolve(AGENT_STATE));
                Files.deleteIfExists(p.resolve(RECORDERS_STATE));
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
