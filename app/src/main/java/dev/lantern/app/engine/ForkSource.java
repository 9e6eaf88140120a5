package dev.lantern.app.engine;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.api.LearnerContext;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.registry.Learners;
import dev.lantern.agents.run.ResumePoint;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.agents.run.state.CheckpointFormatException;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The checkpoint of a run that a fork branches from, checked to be forkable: the run's manifest and unedited
 * {@code config.json}, and a checkpoint at the step asked for that holds the agent's and the recorders' states, read
 * back (checksums verified) into a learner built from the run's config, which also says which streams the run has.
 * Reads only.
 *
 * @param parent     the run directory
 * @param checkpoint its checkpoint folder at the fork point
 * @param atStep     the fork point, in environment steps
 * @param manifest   the run's manifest
 * @param experiment the run's experiment ({@code config.json})
 * @param streams    the streams a fork of this run can vary ({@link ForkStreams#of})
 */
record ForkSource(Path parent, Path checkpoint, long atStep, JsonObject manifest, Experiment experiment,
        List<String> streams) {

    /**
     * Reads the fork point {@code atStep} of run {@code parent}, adding every reason it cannot be forked to
     * {@code problems}.
     *
     * @return the fork point, or null when {@code problems} say why there is none
     */
    static ForkSource read(Path parent, long atStep, List<String> problems) {
        try {
            RunDirectory.open(parent);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
        Path manifestFile = parent.resolve("manifest.json");
        JsonObject manifest;
        try {
            manifest = JsonParser.parseString(Files.readString(manifestFile)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            problems.add(manifestFile + ": cannot read (" + e.getMessage() + "); a fork needs the run's manifest");
            return null;
        }
        Experiment experiment;
        try {
            experiment = ExperimentLoader.load(parent.resolve("config.json"));
            ConfigChanges.refuseEdited(parent.resolve("config.json"), manifest);
            ForkOrigin.of(manifest);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(parent + ": " + e.getMessage());
            return null;
        }
        Path checkpoint = parent.resolve("checkpoints").resolve(String.format("step-%09d", atStep));
        String why = whyNotForkable(parent, checkpoint, atStep, manifest);
        if (why != null) {
            problems.add(why);
            return null;
        }
        LearningAgent agent;
        try {
            agent = restored(experiment, checkpoint, manifest);
        } catch (CheckpointFormatException e) {
            problems.add("cannot fork: " + e.getMessage());
            return null;
        }
        return new ForkSource(parent, checkpoint, atStep, manifest, experiment, ForkStreams.of(agent));
    }

    /** Why {@code checkpoint} cannot be forked, naming the steps that can; null when it can. */
    private static String whyNotForkable(Path parent, Path checkpoint, long atStep, JsonObject manifest) {
        List<Path> all = checkpoints(parent);
        List<Long> steps = all.stream().map(ForkSource::stepOf).toList();
        List<Long> forkable = all.stream().filter(ForkSource::forkable).map(ForkSource::stepOf).toList();
        String choices = "forkable steps: " + (forkable.isEmpty() ? "none" : join(forkable));
        if (!steps.contains(atStep)) {
            return "--at " + atStep + ": " + parent + " has no checkpoint at env step " + atStep + " (its checkpoints: "
                    + (steps.isEmpty() ? "none" : join(steps)) + "; " + choices + ")";
        }
        if (forkable(checkpoint)) {
            return null;
        }
        boolean completed = manifest.has("status") && manifest.get("status").getAsString().equals("completed");
        if (completed && steps.get(steps.size() - 1) == atStep) {
            return "--at " + atStep + ": " + checkpoint.getFileName() + " is the final checkpoint of a completed run, "
                    + "which keeps no resume state (the run ended there: nothing to continue); " + choices
                    + (forkable.isEmpty() ? " (train with training.keepStates true to fork at any checkpoint)" : "");
        }
        return "--at " + atStep + ": " + checkpoint.getFileName() + " keeps no agent state (" + RunDirectory.AGENT_STATE
                + ", " + RunDirectory.RECORDERS_STATE + "): without training.keepStates only the newest checkpoint "
                + "keeps it, until the run completes; " + choices + " (train with training.keepStates true to fork at "
                + "any checkpoint)";
    }

    /** The run's checkpoint folders ({@code step-*}), oldest first. */
    private static List<Path> checkpoints(Path parent) {
        try (Stream<Path> s = Files.list(parent.resolve("checkpoints"))) {
            return s.filter(p -> p.getFileName().toString().matches("step-\\d{9,}") && Files.isDirectory(p))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean forkable(Path checkpoint) {
        return Stream.of(RunDirectory.STATE, RunDirectory.AGENT_STATE, RunDirectory.RECORDERS_STATE)
                .allMatch(f -> Files.isRegularFile(checkpoint.resolve(f)));
    }

    private static long stepOf(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring("step-".length()));
    }

    private static String join(List<Long> steps) {
        return String.join(", ", steps.stream().map(String::valueOf).toList());
    }

    /**
     * A learner built from the run's config with the checkpoint read into it (checksums verified): proof the fork
     * point can be continued, and the learner whose streams a fork varies.
     *
     * @throws CheckpointFormatException if a file of the checkpoint is missing, damaged or does not fit
     */
    private static LearningAgent restored(Experiment e, Path checkpoint, JsonObject manifest) {
        Backend.configure();
        TrainingEnvironment env = TrainingEnvironment.resolve(e.env());
        // A planner over a trained run's network is rebuilt with that network, the very checkpoint the parent used.
        PlanningNetwork planning = PlanningNetwork.forRun(e, env, manifest);
        boolean game = env.game() != null;
        LearnerContext context = new LearnerContext(game ? null : env::newEnvironment, env.game(), e.seed(),
                e.training().totalEnvSteps(), e.lca().enabled() ? e.lca().probeSize() : 0, DataType.FLOAT,
                e.training().evalEpisodes(), Double.NaN);
        LearningAgent agent = Learners.create(e.agent(),
                planning == null ? context : context.withPlanningNetwork(planning.view()));
        ResumePoint.restore(checkpoint, agent);
        return agent;
    }
}
