package dev.lantern.app.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.app.config.Experiment;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.grid.levels.MazeLevels;
import dev.lantern.environments.random.Seeds;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fixed part of a run's {@code manifest.json}: Lantern's version and git commit, the resolved config, every
 * derived seed, JVM and OS, the ND4J backend with its data type and thread count, and the environment's ground truth
 * (the exact optimal return under the time limit, with its status).
 * The trainer adds status, times and counts.
 */
final class Manifest {

    private Manifest() {
    }

    /**
     * The manifest of a new run; {@code warnings} (the experiment's, e.g. a learning rate above 1) start its
     * {@code warnings} list, to which the trainer adds runaway warnings; absent when there are none.
     */
    static JsonObject create(Experiment e, JsonObject config, String envId, OptimalReturn truth,
            List<String> warnings) {
        JsonObject m = new JsonObject();
        m.addProperty("format", "lantern-run/1");
        m.addProperty("lanternVersion", version());
        m.addProperty("gitCommit", gitCommit());
        m.addProperty("name", e.name());
        m.add("config", config);
        JsonObject seeds = new JsonObject();
        seeds.addProperty("run", e.seed());
        for (String component : Seeds.STREAMS) {
            seeds.addProperty(component, Seeds.derive(e.seed(), component));
        }
        m.add("seeds", seeds);
        JsonObject env = new JsonObject();
        env.addProperty("id", envId);
        if (truth != null) {
            addOptimum(env, truth);
        } else {
            env.addProperty("kind", "two-player board game (no single-agent ground truth)");
        }
        if (EnvRegistry.ids().contains(envId)) {
            EnvRegistry.levels(envId).ifPresent(levels -> env.add("levels", levelNotes(levels, e)));
        }
        m.add("environment", env);
        JsonObject runtime = new JsonObject();
        runtime.addProperty("java", System.getProperty("java.version"));
        runtime.addProperty("javaVendor", System.getProperty("java.vendor"));
        runtime.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        runtime.addProperty("cpus", Runtime.getRuntime().availableProcessors());
        m.add("runtime", runtime);
        JsonObject nd4j = RunDirectory.GSON.toJsonTree(Backend.describe()).getAsJsonObject();
        nd4j.addProperty("networkDataType", "FLOAT");
        m.add("nd4j", nd4j);
        if (!warnings.isEmpty()) {
            JsonArray list = new JsonArray();
            warnings.forEach(list::add);
            m.add("warnings", list);
        }
        return m;
    }

    /**
     * What a level family trains and evaluates on: its training split's size, the levels evaluated per split, and
     * which level {@code optimalReturn} above (and the one-map tools) describe.
     */
    private static JsonObject levelNotes(MazeLevels levels, Experiment e) {
        JsonObject o = new JsonObject();
        o.addProperty("trainingLevels", levels.trainingLevels());
        o.addProperty("evalTrainLevels", Math.min(levels.trainingLevels(), e.training().evalEpisodes()));
        o.addProperty("evalTestLevels", e.training().evalEpisodes());
        o.addProperty("namedLevel", "train/0");
        o.addProperty("note", "optimalReturn is the named level's; eval/<split>/optimal_return is the mean exact "
                + "optimum of the levels evaluated (docs/procedural.md)");
        return o;
    }

    /**
     * The ground truth of a grid world: {@code optimalReturn} only when it is the exact optimum, always
     * {@code optimalStatus} ({@code exact} or {@code too-large}), the time limit it honours, the states solved
     * ({@code -1}: not built) and, when not solved, why.
     */
    static void addOptimum(JsonObject env, OptimalReturn truth) {
        env.addProperty("solvedStates", truth.states());
        if (truth.known()) {
            env.addProperty("optimalReturn", truth.value());
        }
        env.addProperty("optimalStatus", truth.status().label());
        env.addProperty("optimalHorizon", truth.horizon());
        if (!truth.known()) {
            env.addProperty("optimalNote", truth.reason());
        }
    }

    /** The version from the jar's manifest, or the build's version property. */
    static String version() {
        String v = Manifest.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = Manifest.class.getResourceAsStream("/lantern-version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code git rev-parse HEAD} in the working directory, "unknown" outside a checkout (2 s at most). */
    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
