package dev.lantern.app.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.environments.grid.GridWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The trained network an MCTS agent searches with ({@code agent.network: RUN-DIR} or {@code RUN-DIR@STEP}): the
 * checkpoint's parameters copied into a learner of that run's config, seen through its snapshot as a policy and value
 * (PUCT's prior and leaf value). Nothing in that run directory is changed.
 *
 * @param run    the network's run directory
 * @param step   the env step of the checkpoint read
 * @param sha256 the checkpoint's {@code network.zip} digest, hex: a resumed run must read the same bytes
 * @param view   the network's policy and value, a snapshot's copy
 */
public record PlanningNetwork(Path run, long step, String sha256, PolicyValueView view) {

    /** The manifest's key for {@link #toJson()}. */
    public static final String MANIFEST_KEY = "planningNetwork";

    /**
     * The network an experiment's agent plans with, or null when it names none; on a resume, checked against the
     * one the run started with (its manifest's {@link #MANIFEST_KEY}).
     *
     * @param previous the manifest of the run being resumed, or null for a new run
     * @throws ConfigException naming {@code agent.network}: see {@link #load}; on a game; or when the checkpoint
     *                         read now is not the one the run started with
     */
    static PlanningNetwork forRun(Experiment e, TrainingEnvironment env, JsonObject previous) {
        String spec = e.agent().planningNetwork().orElse(null);
        if (spec == null) {
            return null;
        }
        if (env.game() != null) {
            throw new ConfigException(List.of("agent.network: plans on grid worlds; " + env.envId() + " is a game"));
        }
        PlanningNetwork network = load(spec, env.newWorld());
        if (previous != null) {
            JsonElement before = previous.get(MANIFEST_KEY);
            if (!network.toJson().equals(before)) {
                throw new ConfigException(List.of("agent.network: the run started with " + before + " but now reads "
                        + network.toJson() + "; resume needs the same checkpoint; nothing was changed"));
            }
        }
        return network;
    }

    /** {@code {"run": ..., "step": ..., "sha256": ...}}, as the manifest records it. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("run", run.toAbsolutePath().normalize().toString());
        o.addProperty("step", step);
        o.addProperty("sha256", sha256);
        return o;
    }

    /**
     * Reads the network named by {@code spec} and checks that it fits {@code world}.
     *
     * @param spec  {@code RUN-DIR} (its newest checkpoint with a network) or {@code RUN-DIR@STEP}
     * @param world the world the agent will plan on
     * @throws ConfigException naming {@code agent.network} and what is wrong: no such directory or checkpoint, a run
     *                         without a network, another observation size or action count
     */
    public static PlanningNetwork load(String spec, GridWorld world) {
        int at = spec.lastIndexOf('@');
        Long step = null;
        String dirText = spec;
        if (at >= 0) {
            try {
                step = Long.parseLong(spec.substring(at + 1));
            } catch (NumberFormatException e) {
                throw new ConfigException(List.of("agent.network: '" + spec + "': the step after '@' must be a "
                        + "number"));
            }
            dirText = spec.substring(0, at);
        }
        Path dir = Path.of(dirText);
        try {
            Experiment e = CheckpointNetwork.experimentOf(dir);
            TrainingEnvironment env = TrainingEnvironment.resolve(e.env());
            if (env.game() != null) {
                throw new ConfigException(List.of(dir + ": a game run (" + env.envId() + ")"));
            }
            Path checkpoint = CheckpointNetwork.checkpoint(dir, step);
            Backend.configure();
            LearningAgent agent = CheckpointNetwork.learner(dir, e, env);
            CheckpointNetwork.copyParameters(checkpoint.resolve(RunDirectory.NETWORK), agent.network());
            PolicyValueView view = agent.snapshot();
            if (view.inputSize() != world.spec().observationSize()
                    || view.actionCount() != world.spec().actionCount()) {
                throw new ConfigException(List.of(dir + ": its network takes " + view.inputSize() + " inputs and has "
                        + view.actionCount() + " actions (" + env.envId() + "), but " + world.spec().id()
                        + " shows " + world.spec().observationSize() + " and has " + world.spec().actionCount()));
            }
            long envSteps = Long.parseLong(checkpoint.getFileName().toString().substring("step-".length()));
            return new PlanningNetwork(dir, envSteps, sha256(checkpoint.resolve(RunDirectory.NETWORK)), view);
        } catch (ConfigException ex) {
            throw new ConfigException(ex.problems().stream().map(p -> "agent.network: " + p).toList());
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(List.of("agent.network: " + dir + ": " + ex.getMessage()));
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException ex) {
            throw new ConfigException(List.of(file + ": cannot read (" + ex.getMessage() + ")"));
        }
    }
}
