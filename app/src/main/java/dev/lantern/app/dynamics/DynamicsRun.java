package dev.lantern.app.dynamics;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.run.MetricsLog;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.engine.CheckpointNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run read for {@code lantern dynamics}: its experiment, manifest, metrics and the env steps of its checkpoints
 * with a network, and each checkpoint's network (loaded on first use, then kept). Nothing in the run directory is
 * changed.
 */
public final class DynamicsRun {

    private final Path dir;
    private final CheckpointNetwork newest;
    private final List<Long> checkpointSteps;
    private final JsonObject manifest;
    private final MetricsLog metrics;
    private final Map<Long, InspectableNetwork> networks = new HashMap<>();

    private DynamicsRun(Path dir, CheckpointNetwork newest, List<Long> checkpointSteps, JsonObject manifest,
            MetricsLog metrics) {
        this.dir = dir;
        this.newest = newest;
        this.checkpointSteps = checkpointSteps;
        this.manifest = manifest;
        this.metrics = metrics;
        networks.put(newest.envSteps(), newest.trained());
    }

    /**
     * Reads the run in {@code dir}.
     *
     * @throws ConfigException naming the path if it is not a grid-world run with a checkpointed network, or its
     *                         manifest or metrics cannot be read
     */
    public static DynamicsRun load(Path dir) {
        CheckpointNetwork newest = CheckpointNetwork.load(dir, null);
        List<Long> steps = CheckpointNetwork.checkpointSteps(dir);
        JsonObject manifest;
        Path manifestFile = dir.resolve("manifest.json");
        try {
            manifest = JsonParser.parseString(Files.readString(manifestFile)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(List.of(manifestFile + ": cannot read (" + e.getMessage() + ")"));
        }
        MetricsLog metrics;
        Path metricsFile = dir.resolve("metrics.jsonl");
        try {
            metrics = MetricsLog.read(metricsFile);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ConfigException(List.of(e.getMessage()));
        }
        return new DynamicsRun(dir, newest, steps, manifest, metrics);
    }

    /** The run directory. */
    public Path dir() {
        return dir;
    }

    /** A short label for figures and summary lines: the run directory's name. */
    public String label() {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    /** The run's experiment ({@code config.json}). */
    public Experiment experiment() {
        return newest.experiment();
    }

    /** The run's manifest (read once; a copy). */
    public JsonObject manifest() {
        return manifest.deepCopy();
    }

    /** The run's metrics. */
    public MetricsLog metrics() {
        return metrics;
    }

    /** The env steps of the run's checkpoints that hold a network, oldest first. */
    public List<Long> checkpointSteps() {
        return checkpointSteps;
    }

    /** The newest checkpoint's env step. */
    public long newestStep() {
        return newest.envSteps();
    }

    /** The newest checkpoint, read as {@code lantern analyze} reads it (with the untrained twin). */
    public CheckpointNetwork newest() {
        return newest;
    }

    /**
     * The network of checkpoint {@code step} (a private copy; loaded once).
     *
     * @throws ConfigException naming the path if the run has no such checkpoint
     */
    public InspectableNetwork network(long step) {
        return networks.computeIfAbsent(step, newest::trainedAt);
    }
}
