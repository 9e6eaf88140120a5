package dev.lantern.app.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.api.Inspectable;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.LearnerContext;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.registry.Learners;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.environments.board.Game;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A game run's checkpointed networks, read back for search introspection, as {@link CheckpointNetwork} reads a grid
 * run's: a learner of the run's {@code config.json} is created through the registry, a checkpoint's
 * {@code network.zip} parameters are copied into it, and its snapshot ({@link LearningAgent#snapshot()}: the
 * policy-value view) is returned. The search's budget and constant are the run's training ones, read from the
 * resolved config ({@code agent.simulations}, {@code agent.cPuct}). Nothing in the run directory is changed.
 *
 * @param run         the run directory
 * @param experiment  the run's experiment
 * @param game        the game trained on
 * @param simulations the training search's simulations per move
 * @param cPuct       the training search's PUCT constant
 * @param steps       the env steps of the checkpoints that hold a network, oldest first
 */
public record GameCheckpoint(Path run, Experiment experiment, Game game, int simulations, double cPuct,
        List<Long> steps) {

    /** Copies the list. */
    public GameCheckpoint {
        steps = List.copyOf(steps);
    }

    /**
     * Reads a game run.
     *
     * @throws ConfigException naming the path if the directory is missing, not a run, corrupt, a grid-world run, a
     *                         run whose agent has no search ({@code agent.simulations}, {@code agent.cPuct}) or no
     *                         network, or a run without checkpoints
     */
    public static GameCheckpoint load(Path dir) {
        Experiment e = CheckpointNetwork.experimentOf(dir);
        Path configFile = dir.resolve("config.json");
        TrainingEnvironment env = TrainingEnvironment.resolve(e.env());
        if (env.game() == null) {
            throw new ConfigException(List.of(dir + ": a grid-world run (" + env.envId() + "), not a game run"));
        }
        JsonObject agent = ExperimentLoader.toJson(e).getAsJsonObject("agent"); // resolved: every default filled in
        List<String> problems = new ArrayList<>();
        int simulations = number(agent, "simulations", configFile, problems).intValue();
        double cPuct = number(agent, "cPuct", configFile, problems).doubleValue();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<Long> steps = CheckpointNetwork.checkpointSteps(dir);
        if (steps.isEmpty()) {
            throw new ConfigException(List.of(dir.resolve("checkpoints") + ": the run has no checkpoint with a "
                    + RunDirectory.NETWORK));
        }
        GameCheckpoint g = new GameCheckpoint(dir, e, env.game(), simulations, cPuct, steps);
        g.learner(); // an agent without a network is refused before any work
        return g;
    }

    /**
     * Whether {@code dir} holds a run on a board game ({@code env.id} in its {@code config.json} starts with
     * {@code game/}); false for anything else, which {@link CheckpointNetwork#load} then judges.
     */
    public static boolean isGameRun(Path dir) {
        try {
            JsonObject env = JsonParser.parseString(Files.readString(dir.resolve("config.json"))).getAsJsonObject()
                    .getAsJsonObject("env");
            return env != null && env.has("id") && env.get("id").getAsString().startsWith("game/");
        } catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    /**
     * The same run restricted to checkpoint {@code step}.
     *
     * @throws ConfigException naming the folder if there is no such checkpoint
     */
    public GameCheckpoint at(long step) {
        CheckpointNetwork.checkpoint(run, step);
        return new GameCheckpoint(run, experiment, game, simulations, cPuct, List.of(step));
    }

    /**
     * The network of checkpoint {@code step} as a private policy-value view (probabilities over all actions, the
     * value for the player to move).
     *
     * @throws ConfigException naming the path if there is no such checkpoint or its network cannot be read
     */
    public PolicyValueView view(long step) {
        Path checkpoint = CheckpointNetwork.checkpoint(run, step);
        LearningAgent agent = learner();
        CheckpointNetwork.copyParameters(checkpoint.resolve(RunDirectory.NETWORK), agent.network());
        return agent.snapshot();
    }

    /**
     * The seam over a learner of the run's config that was never trained (its initial network, the same for every
     * call): the random-initialisation control of a probe over the checkpoints.
     *
     * @throws ConfigException if the learner's network cannot be inspected
     */
    public InspectableNetwork untrained() {
        if (learner().snapshot() instanceof Inspectable i) {
            return i.inspect();
        }
        throw new ConfigException(List.of(run + ": agent '" + experiment.agent().type()
                + "' has a network that cannot be inspected"));
    }

    private LearningAgent learner() {
        Backend.configure();
        LearnerContext context = new LearnerContext(null, game, experiment.seed(),
                experiment.training().totalEnvSteps(), 0, DataType.FLOAT, experiment.training().evalEpisodes(),
                Double.NaN);
        LearningAgent agent = Learners.create(experiment.agent(), context);
        if (agent.network() == null || agent.snapshot() == null) {
            throw new ConfigException(List.of(run + ": agent '" + experiment.agent().type()
                    + "' has no network to analyze"));
        }
        return agent;
    }

    private static Number number(JsonObject agent, String field, Path file, List<String> problems) {
        JsonElement v = agent == null ? null : agent.get(field);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            problems.add(file + ": agent." + field + ": a searching agent's number is needed, got " + v);
            return 0;
        }
        return v.getAsNumber();
    }
}
