package dev.lantern.app.engine;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.AgentKind;
import dev.lantern.agents.run.state.CheckpointFormatException;
import dev.lantern.agents.api.LearnerContext;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.TrainsOn;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.registry.Learners;
import dev.lantern.agents.train.MetricSink;
import dev.lantern.agents.train.Recorder;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.agents.run.RunLockedException;
import dev.lantern.agents.train.DivergenceException;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.Trainer;
import dev.lantern.agents.train.TrainerSettings;
import dev.lantern.agents.train.TrainingControl;
import dev.lantern.analysis.lca.LcaRecorder;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.environments.grid.solve.FiniteHorizon;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.random.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Assembles everything an experiment needs and runs it on the calling thread: the environment
 * ({@link TrainingEnvironment}: registered, a user's map or a game), the exact optimal return under the time limit
 * ({@link FiniteHorizon}), the
 * learner (created through {@link Learners}, whatever its type), the LCA recorder, the run directory and its manifest.
 * The CLI and the lab both start training through this class.
 */
public final class ExperimentRun {

    private final Experiment experiment;
    private final TrainingEnvironment environment;
    private final Trainer trainer;
    private final RunDirectory runDir;
    private final List<String> warnings;
    // Set once by assemble(), which the constructor calls while it holds the run directory's lock.
    private LearningAgent agent;
    private LcaRecorder lca;
    private Path resumedFrom;
    private List<String> removedLeftovers = List.of();
    private OptimalReturn optimum;

    private ExperimentRun(Builder b) {
        this.experiment = b.experiment;
        Experiment e = experiment;
        this.environment = TrainingEnvironment.resolve(e.env());
        AgentKind<?> kind = Learners.of(e.agent());
        checkMemory(e, environment.observationSize());
        List<String> lines = new ArrayList<>();
        e.agent().warnings("agent", lines);
        this.warnings = List.copyOf(lines);
        // Created before the expensive set-up, so that an unusable --out fails at once.
        RunDirectory dir;
        try {
            dir = b.runDir == null ? null : b.resume ? RunDirectory.open(b.runDir) : RunDirectory.create(b.runDir);
            if (dir != null) {
                dir.lockForWriting(); // one writer per run directory, released when the run ends
                dir.keepResumeStates(e.training().keepStates());
            }
        } catch (RunLockedException ex) {
            throw new ConfigException(List.of(ex.getMessage()));
        }
        this.runDir = dir;
        try {
            this.trainer = assemble(b, kind);
        } catch (RuntimeException | Error ex) {
            if (runDir != null) {
                runDir.unlock();
            }
            throw ex;
        }
    }

    /** Everything after the run directory is held: the learner, recorders, manifest and the trainer. */
    private Trainer assemble(Builder b, AgentKind<?> kind) {
        Experiment e = experiment;
        Backend.configure();
        checkPairing(kind);
        boolean game = environment.game() != null;
        OptimalReturn groundTruth = game ? null : optimalReturn(environment);
        this.optimum = groundTruth;
        // eval/optimal_return is written only when it is the true optimum (NaN: left out)
        ForkOrigin fork = b.resume ? ForkOrigin.of(b.manifest) : null; // a fork's child: its own eval seed, reseeds
        PlanningNetwork planning = PlanningNetwork.forRun(e, environment, b.resume ? b.manifest : null);
        LearnerContext context = new LearnerContext(game ? null : environment::newEnvironment, environment.game(),
                e.seed(), e.training().totalEnvSteps(), e.lca().enabled() ? e.lca().probeSize() : 0, DataType.FLOAT,
                e.training().evalEpisodes(), game ? Double.NaN : groundTruth.value(),
                fork == null ? Seeds.derive(e.seed(), Seeds.EVAL) : fork.evalSeed(e.seed()),
                planning == null ? null : planning.view());
        this.agent = createLearner(e, context);
        Trainer.Builder tb = Trainer.builder(agent, new TrainerSettings(e.training().totalEnvSteps(),
                e.training().checkpointEveryEnvSteps(), 0, e.training().evalEveryEnvSteps(),
                e.training().stopWhenSolved()));
        tb.evaluator(view -> Learners.evaluate(e.agent(), context, view)).environments(context.environments());
        if (e.lca().enabled() && agent.network() != null) { // a table has no network to allocate over
            lca = new LcaRecorder(e.lca());
            tb.recorder(lca);
        } else {
            lca = null;
        }
        b.recorders.forEach(tb::recorder);
        b.taps.forEach(tb::tap);
        if (b.control != null) {
            tb.control(b.control);
        }
        this.resumedFrom = b.resume ? runDir.latestResumableCheckpoint() : null;
        boolean fromScratch = b.resume && resumedFrom == null;
        if (b.resume && !fromScratch) {
            tb.runDirectory(runDir).manifest(b.manifest).resumeFrom(resumedFrom);
        } else if (fromScratch) {
            // It never checkpointed (killed or failed early): nothing to continue from, so it trains again from the
            // start in the same directory. Checkpoints never change what is trained, so the files come out the same.
            JsonObject config = ExperimentLoader.toJson(e);
            tb.runDirectory(runDir).manifest(restartManifest(recorded(Manifest.create(e, config,
                    environment.envId(), groundTruth, warnings), planning), b.manifest));
        } else if (runDir != null) {
            JsonObject config = ExperimentLoader.toJson(e);
            runDir.writeConfig(config);
            tb.runDirectory(runDir).manifest(recorded(Manifest.create(e, config, environment.envId(), groundTruth,
                    warnings), planning));
        }
        Trainer built;
        try {
            built = tb.build();
            if (fork != null) {
                fork.reseedAt(resumedFrom, agent); // once, right after the restore at the fork point
            }
        } catch (CheckpointFormatException ex) {
            // Thrown while restoring, before the run directory is written: say so.
            throw new ConfigException(List.of("cannot resume: " + ex.getMessage() + "; nothing was changed"));
        }
        if (fromScratch) {
            runDir.clearForRestart();
        } else if (b.resume) {
            removedLeftovers = runDir.removeLeftovers(); // the checkpoint was read: what interrupted writes left goes
        }
        return built;
    }

    /** {@code manifest} with the planning network's run, step and digest, when there is one. */
    private static JsonObject recorded(JsonObject manifest, PlanningNetwork planning) {
        if (planning != null) {
            manifest.add(PlanningNetwork.MANIFEST_KEY, planning.toJson());
        }
        return manifest;
    }

    /**
     * The manifest of a run started again from scratch: a fresh one, keeping the earlier manifest's {@code resumes}
     * (when it had one) and adding this restart, marked {@code fromScratch} (it has no {@code checkpoint}).
     */
    private static JsonObject restartManifest(JsonObject fresh, JsonObject earlier) {
        boolean had = earlier != null && earlier.has("resumes") && earlier.get("resumes").isJsonArray();
        com.google.gson.JsonArray resumes = had ? earlier.getAsJsonArray("resumes").deepCopy()
                : new com.google.gson.JsonArray();
        JsonObject r = new JsonObject();
        r.addProperty("time", java.time.Instant.now().toString());
        r.addProperty("envSteps", 0);
        r.addProperty("fromScratch", true);
        r.addProperty("note", "no checkpoint to continue from: started again from scratch");
        resumes.add(r);
        fresh.add("resumes", resumes);
        return fresh;
    }

    /**
     * The optimal return of the grid world trained on, under its time limit, with its status ({@code null} for a
     * game); what {@code eval/optimal_return} and the manifest's {@code optimalReturn} hold when it is known.
     */
    public OptimalReturn optimum() {
        return optimum;
    }

    /**
     * The exact optimal return of the grid world trained on, under its time limit (the quantity {@code eval/return}
     * measures), with progress on stderr when the solve takes more than a second.
     */
    static OptimalReturn optimalReturn(TrainingEnvironment environment) {
        SolveProgressPrinter progress = SolveProgressPrinter.toStderr(environment.envId());
        OptimalReturn truth = FiniteHorizon.solve(environment.newWorld(), progress);
        progress.finish();
        return truth;
    }

    /** Refuses a rollout or replay buffer that would not fit in memory, naming the fields to lower. */
    private static void checkMemory(Experiment e, int observationSize) {
        String problem = ExperimentLoader.memoryProblem(e.agent(), observationSize); // loaded files were checked
        if (problem != null) {
            throw new ConfigException(List.of(problem));
        }
    }

    /** A grid learner on a game, or a game learner on a grid world, cannot start. */
    private void checkPairing(AgentKind<?> kind) {
        if (kind.trainsOn() == environment.trainsOn()) {
            return;
        }
        throw new ConfigException(List.of(kind.trainsOn() == TrainsOn.GRID_WORLDS
                ? "agent.type: '" + kind.type() + "' trains on grid worlds; " + environment.envId() + " is a game (use "
                        + String.join(" or ", Learners.typesTrainingOn(TrainsOn.BOARD_GAMES)) + ")"
                : "agent.type: '" + kind.type() + "' trains on games (game/...), not on grid worlds"));
    }

    /**
     * The learner of {@code e}; on a level family, a learner that needs one map (the tabular learner keys its table by
     * one map's states) is refused as bad input naming the environment.
     */
    private LearningAgent createLearner(Experiment e, LearnerContext context) {
        try {
            return Learners.create(e.agent(), context);
        } catch (IllegalArgumentException ex) {
            if (environment.levels().isEmpty()) {
                throw ex;
            }
            throw new ConfigException(List.of("agent.type: '" + e.agent().type() + "' cannot train on "
                    + environment.envId() + ", a level family (a new maze each episode): " + ex.getMessage()));
        }
    }

    /**
     * Starts assembling the continuation of the run in {@code dir}: its {@code config.json} is loaded, its manifest
     * checked (a completed run has nothing to resume), and {@link Builder#build()} restores the newest checkpoint.
     *
     * @throws ConfigException if the directory is not a resumable run, with every reason
     */
    public static Builder resuming(Path dir) {
        RunDirectory existing;
        try {
            existing = RunDirectory.open(dir);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(List.of(ex.getMessage()));
        }
        JsonObject manifest = null; // none if the run was killed before it wrote one: it starts again from scratch
        Path manifestFile = existing.path().resolve("manifest.json");
        if (java.nio.file.Files.exists(manifestFile) || existing.latestResumableCheckpoint() != null) {
            try {
                manifest = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(manifestFile))
                        .getAsJsonObject();
            } catch (java.io.IOException | RuntimeException ex) {
                throw new ConfigException(List.of(manifestFile + ": cannot read (" + ex.getMessage() + ")"));
            }
        }
        String status = manifest != null && manifest.has("status") ? manifest.get("status").getAsString() : "?";
        if (status.equals("completed")) {
            throw new ConfigException(List.of(dir + ": the run already completed; nothing to resume"));
        }
        if (status.equals("failed") && manifest.has("divergence") && manifest.get("divergence").isJsonObject()) {
            throw new ConfigException(List.of(diverged(dir, manifest.getAsJsonObject("divergence"))));
        }
        try {
            ForkOrigin.of(manifest); // a malformed fork object is refused before anything is built
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(List.of(dir + ": " + ex.getMessage()));
        }
        Path configFile = existing.path().resolve("config.json");
        Experiment experiment = ExperimentLoader.load(configFile);
        if (manifest != null) { // a run killed before its manifest has nothing to compare config.json with
            ConfigChanges.refuseEdited(configFile, manifest);
        }
        Builder b = new Builder(experiment);
        b.runDir = dir;
        b.resume = true;
        b.manifest = manifest;
        return b;
    }

    /**
     * Why a diverged run is not resumed: training is deterministic, so it would diverge again at the same step (the
     * manifest's {@code divergence}, written by the trainer).
     */
    private static String diverged(Path dir, JsonObject d) {
        String step = d.has("envStep") ? String.format(Locale.ROOT, "%,d", d.get("envStep").getAsLong()) : "?";
        String what = d.has("metric") ? d.get("metric").getAsString() : "a value";
        String value = d.has("value") ? d.get("value").getAsString() : "non-finite";
        String last = d.has("lastGoodCheckpoint") && d.get("lastGoodCheckpoint").isJsonPrimitive()
                ? "the last good checkpoint is " + d.get("lastGoodCheckpoint").getAsString() + " (kept for analysis)"
                : "no checkpoint was written before it";
        return dir + ": this run diverged at env step " + step + " (" + what
                + (what.startsWith("parameters") ? " contain " : " is ") + value
                + "); resuming would repeat it, since training is deterministic: " + DivergenceException.HINT
                + " in a copy of " + dir.resolve("config.json") + " and start a new run with lantern run --config; "
                + last;
    }

    /**
     * What the experiment sets that is allowed but likely to diverge (a learning rate above 1), one line each naming
     * its field ({@code agent.learningRate: ...}); also in the manifest's {@code warnings} of a new run.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** The checkpoint this run resumed from, or null for a fresh run or one resumed from scratch (it had none). */
    public Path resumedFrom() {
        return resumedFrom;
    }

    /**
     * What a resumed run removed from its directory before training: leftovers of writes a kill interrupted (relative
     * paths, e.g. {@code checkpoints/.tmp-step-123}); empty for a fresh run.
     */
    public List<String> removedLeftovers() {
        return removedLeftovers;
    }

    /** Starts assembling a run of {@code experiment}. */
    public static Builder builder(Experiment experiment) {
        return new Builder(experiment);
    }

    /** The experiment. */
    public Experiment experiment() {
        return experiment;
    }

    /** The environment's id ({@code grid/...}, {@code game/...} or {@code map:<file>}). */
    public String envId() {
        return environment.envId();
    }

    /** The LCA recorder, or null when LCA is off. */
    public LcaRecorder lca() {
        return lca;
    }

    /** The run directory, or null when the run writes no files. */
    public RunDirectory runDirectory() {
        return runDir;
    }

    /** The agent being trained (training thread only). */
    public LearningAgent agent() {
        return agent;
    }

    /** Pause, single-step, stop and speed. */
    public TrainingControl control() {
        return trainer.control();
    }

    /** Trains to the end of the budget on the calling thread. */
    public RunOutcome run() {
        try {
            return trainer.run();
        } finally {
            if (runDir != null) {
                runDir.unlock();
            }
        }
    }

    /** Builds an {@link ExperimentRun}. */
    public static final class Builder {
        private final Experiment experiment;
        private Path runDir;
        private final List<Recorder> recorders = new ArrayList<>();
        private final List<MetricSink> taps = new ArrayList<>();
        private TrainingControl control;
        private boolean resume;
        private JsonObject manifest;

        private Builder(Experiment experiment) {
            this.experiment = experiment;
        }

        /** Writes the run directory there (must not exist, or be empty). */
        public Builder runDirectory(Path dir) {
            if (resume) {
                throw new IllegalStateException("a resumed run keeps its own directory " + runDir);
            }
            this.runDir = dir;
            return this;
        }

        /** The experiment being assembled. */
        public Experiment experiment() {
            return experiment;
        }

        /**
         * Adds an observer after the LCA recorder: it receives the run's events, and every metric as well if it is a
         * {@link MetricSink} (a progress bar, the lab's live feed).
         */
        public Builder observer(Recorder o) {
            recorders.add(o);
            if (o instanceof MetricSink sink) {
                taps.add(sink);
            }
            return this;
        }

        /** Uses this control handle (pause, step, stop, speed). */
        public Builder control(TrainingControl c) {
            this.control = c;
            return this;
        }

        /**
         * Assembles the run.
         *
         * @throws ConfigException if the map file has problems or the rollout would not fit in memory
         * @throws IllegalArgumentException if the run directory exists and is not empty
         * @throws java.io.UncheckedIOException if the run directory cannot be created
         */
        public ExperimentRun build() {
            return new ExperimentRun(this);
        }
    }
}
