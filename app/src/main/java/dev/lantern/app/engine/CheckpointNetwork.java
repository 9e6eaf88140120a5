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
import dev.lantern.environments.grid.GridWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A grid-world run's checkpointed network, read back for analysis: the learner is created from the run's
 * {@code config.json} through the registry, the checkpoint's {@code network.zip} parameters are copied into it, and
 * its snapshot is inspected. A second learner of the same config, never trained, is the random-initialisation control.
 * Nothing in the run directory is changed.
 *
 * @param run        the run directory
 * @param checkpoint the checkpoint folder read
 * @param envSteps   the checkpoint's env step (from its folder name)
 * @param experiment the run's experiment
 * @param world      a fresh grid world of the run's environment
 * @param trained    the seam over the checkpoint's network (a snapshot's copy)
 * @param fresh      the seam over a freshly initialised network of the same shape
 */
public record CheckpointNetwork(Path run, Path checkpoint, long envSteps, Experiment experiment, GridWorld world,
        InspectableNetwork trained, InspectableNetwork fresh) {

    /**
     * Loads the network of checkpoint {@code step} of {@code dir}, or of its newest checkpoint with a network when
     * {@code step} is null.
     *
     * @throws ConfigException naming the path if the directory is missing, not a run, corrupt, a game run, a run
     *                         without a network, or has no such checkpoint
     */
    public static CheckpointNetwork load(Path dir, Long step) {
        Path configFile = dir.resolve("config.json");
        Experiment e = experimentOf(dir);
        TrainingEnvironment env;
        try {
            env = TrainingEnvironment.resolve(e.env());
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(List.of(configFile + ": " + ex.getMessage()));
        }
        if (env.game() != null) {
            throw new ConfigException(List.of(dir + ": a game run (" + env.envId()
                    + "); its network is read by GameCheckpoint"));
        }
        Path checkpoint = checkpoint(dir, step);
        Backend.configure();
        LearningAgent agent = learner(dir, e, env);
        copyParameters(checkpoint.resolve(RunDirectory.NETWORK), agent.network());
        LearningAgent untrained = learner(dir, e, env);
        long envSteps = Long.parseLong(checkpoint.getFileName().toString().substring("step-".length()));
        return new CheckpointNetwork(dir, checkpoint, envSteps, e, env.newWorld(), inspect(dir, agent),
                inspect(dir, untrained));
    }

    /**
     * The network of checkpoint {@code step} of the same run, made as {@link #trained()} is (one learner of the run's
     * config, that checkpoint's parameters copied in) without reading the config again or making another untrained
     * twin: for an analysis over the run's checkpoints.
     *
     * @throws ConfigException naming the path if there is no such checkpoint or its network cannot be read
     */
    public InspectableNetwork trainedAt(long step) {
        Path other = checkpoint(run, step);
        LearningAgent agent = learner(run, experiment, TrainingEnvironment.resolve(experiment.env()));
        copyParameters(other.resolve(RunDirectory.NETWORK), agent.network());
        return inspect(run, agent);
    }

    /**
     * The experiment of the run in {@code dir} (its {@code config.json}).
     *
     * @throws ConfigException naming the path if the directory is missing, not a run, or its config is bad
     */
    static Experiment experimentOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(List.of(dir + ": no such run directory"));
        }
        Path configFile = dir.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new ConfigException(List.of(dir + ": not a run directory (no config.json)"));
        }
        return ExperimentLoader.load(configFile);
    }

    /** A fresh learner of {@code e} with a network, or bad input naming the run. */
    static LearningAgent learner(Path dir, Experiment e, TrainingEnvironment env) {
        LearnerContext context = new LearnerContext(env::newEnvironment, null, e.seed(),
                e.training().totalEnvSteps(), 0, DataType.FLOAT, e.training().evalEpisodes(), Double.NaN);
        LearningAgent agent = Learners.create(e.agent(), context);
        if (agent.network() == null) {
            throw new ConfigException(List.of(dir + ": agent '" + e.agent().type() + "' has no network to analyze"));
        }
        return agent;
    }

    private static InspectableNetwork inspect(Path dir, LearningAgent agent) {
        if (agent.snapshot() instanceof Inspectable i) {
            return i.inspect();
        }
        throw new ConfigException(List.of(dir + ": this learner's network cannot be inspected"));
    }

    /** The checkpoint folder: {@code step-<step, 9 digits>} or the newest with a {@code network.zip}. */
    static Path checkpoint(Path dir, Long step) {
        Path checkpoints = dir.resolve("checkpoints");
        if (step != null) {
            Path p = checkpoints.resolve(String.format("step-%09d", step));
            if (!Files.isRegularFile(p.resolve(RunDirectory.NETWORK))) {
                throw new ConfigException(List.of(p + ": no such checkpoint (or it has no " + RunDirectory.NETWORK
                        + ")"));
            }
            return p;
        }
        List<Long> steps = checkpointSteps(dir);
        if (steps.isEmpty()) {
            throw new ConfigException(List.of(checkpoints + ": the run has no checkpoint with a "
                    + RunDirectory.NETWORK));
        }
        return checkpoints.resolve(String.format("step-%09d", steps.get(steps.size() - 1)));
    }

    /**
     * The env steps of {@code dir}'s checkpoints that hold a network, oldest first (for an analysis over training:
     * {@link #load} each).
     *
     * @throws ConfigException naming the folder if the run has no checkpoints folder or it cannot be listed
     */
    public static List<Long> checkpointSteps(Path dir) {
        Path checkpoints = dir.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            throw new ConfigException(List.of(dir + ": the run has no checkpoint (no " + checkpoints + ")"));
        }
        try (Stream<Path> s = Files.list(checkpoints)) {
            return s.filter(p -> p.getFileName().toString().matches("step-\\d{9,}"))
                    .filter(p -> Files.isRegularFile(p.resolve(RunDirectory.NETWORK)))
                    .map(p -> Long.parseLong(p.getFileName().toString().substring("step-".length())))
                    .sorted()
                    .toList();
        } catch (IOException ex) {
            throw new ConfigException(List.of(checkpoints + ": cannot list (" + ex.getMessage() + ")"));
        }
    }

    /** Copies the saved network's parameters into {@code live}, after checking they fit. */
    static void copyParameters(Path file, ComputationGraph live) {
        ComputationGraph saved;
        try {
            saved = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (IOException | RuntimeException ex) {
            throw new ConfigException(List.of(file + ": cannot read the network (" + ex.getMessage() + ")"));
        }
        if (saved.numParams() != live.numParams()) {
            throw new ConfigException(List.of(file + ": the saved network has " + saved.numParams()
                    + " parameters, the run's config makes " + live.numParams()));
        }
        live.params().assign(saved.params());
    }
}
