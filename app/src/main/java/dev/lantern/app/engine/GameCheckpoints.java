package dev.lantern.app.engine;

import dev.lantern.agents.api.Inspectable;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.LearnerContext;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.registry.Learners;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.environments.board.Game;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The networks of every checkpoint of a game run (AlphaZero), read back for analysis: for each checkpoint a learner
 * of the run's {@code config.json} is made through the registry, the checkpoint's {@code network.zip} parameters are
 * copied into it (as {@link CheckpointNetwork} does for grid runs), and its snapshot inspected; one more learner of the config, never
 * trained, is the random-initialisation control. Nothing in the run directory is changed.
 *
 * @param run        the run directory
 * @param experiment the run's experiment
 * @param game       the game the run trains on
 * @param steps      the checkpoints' env steps, oldest first
 * @param trained    the seam over each checkpoint's network (a snapshot's copy), in {@code steps}' order
 * @param fresh      the seam over a freshly initialised network of the same shape
 */
public record GameCheckpoints(Path run, Experiment experiment, Game game, List<Long> steps,
        List<InspectableNetwork> trained, InspectableNetwork fresh) {

    public GameCheckpoints {
        steps = List.copyOf(steps);
        trained = List.copyOf(trained);
    }

    /**
     * Reads every checkpoint of the game run {@code dir}.
     *
     * @throws ConfigException naming the path if the directory is not a run, not a game run, has no checkpoint with
     *                         a network, or a checkpoint's network cannot be read or does not fit the config
     */
    public static GameCheckpoints load(Path dir) {
        Path configFile = dir.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new ConfigException(List.of(dir + ": not a run directory (no config.json)"));
        }
        Experiment e = ExperimentLoader.load(configFile);
        TrainingEnvironment env;
        try {
            env = TrainingEnvironment.resolve(e.env());
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(List.of(configFile + ": " + ex.getMessage()));
        }
        if (env.game() == null) {
            throw new ConfigException(List.of(dir + ": a grid-world run (" + env.envId() + "), not a game run"));
        }
        List<Long> steps = CheckpointNetwork.checkpointSteps(dir);
        if (steps.isEmpty()) {
            throw new ConfigException(List.of(dir.resolve("checkpoints") + ": the run has no checkpoint"));
        }
        Backend.configure();
        List<InspectableNetwork> trained = new ArrayList<>();
        for (long step : steps) {
            Path checkpoint = dir.resolve("checkpoints").resolve(String.format("step-%09d", step));
            LearningAgent agent = learner(e, env);
            CheckpointNetwork.copyParameters(checkpoint.resolve(RunDirectory.NETWORK), agent.network());
            trained.add(inspect(dir, agent));
        }
        return new GameCheckpoints(dir, e, env.game(), steps, trained, inspect(dir, learner(e, env)));
    }

    private static LearningAgent learner(Experiment e, TrainingEnvironment env) {
        LearnerContext context = new LearnerContext(null, env.game(), e.seed(), e.training().totalEnvSteps(),
                e.lca().enabled() ? e.lca().probeSize() : 0, DataType.FLOAT, e.training().evalEpisodes(), Double.NaN);
        return Learners.create(e.agent(), context);
    }

    private static InspectableNetwork inspect(Path dir, LearningAgent agent) {
        if (agent.snapshot() instanceof Inspectable i) {
            return i.inspect();
        }
        throw new ConfigException(List.of(dir + ": agent '" + agent.getClass().getSimpleName()
                + "' has no network that can be inspected"));
    }
}
