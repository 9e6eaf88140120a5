package dev.lantern.app.engine;

import com.google.gson.JsonObject;
import dev.lantern.agents.actorcritic.A2cAgent;
import dev.lantern.agents.actorcritic.A2cConfig;
import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.alphazero.AlphaZeroAgent;
import dev.lantern.agents.alphazero.AlphaZeroConfig;
import dev.lantern.agents.alphazero.AlphaZeroView;
import dev.lantern.agents.alphazero.GameEvaluator;
import dev.lantern.agents.api.CheckpointFormatException;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.dqn.DqnAgent;
import dev.lantern.agents.dqn.DqnConfig;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.tabular.TabularLearner;
import dev.lantern.agents.tabular.TabularLearnerConfig;
import dev.lantern.agents.train.GreedyEvaluator;
import dev.lantern.agents.train.MetricSink;
import dev.lantern.agents.train.Recorder;
import dev.lantern.agents.train.RunDirectory;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.Trainer;
import dev.lantern.agents.train.TrainerSettings;
import dev.lantern.agents.train.TrainingControl;
import dev.lantern.analysis.lca.LcaRecorder;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.api.MapProblem;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.random.Seeds;
import dev.lantern.environments.registry.EnvRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Assembles everything an experiment needs and runs it on the calling thread: the environment (registered or a
 * user's map), the exact ground truth (value iteration), the PPO agent, the LCA recorder, the run directory and its
 * manifest. The CLI and the lab both start training through this class.
 */
public final class ExperimentRun {

    /** The largest rollout buffer accepted, in floats (1 GiB). */
    static final long MAX_ROLLOUT_FLOATS = 1L << 28;

    private final Experiment experiment;
    private final GridMap map;
    private final Game game;
    private final String envId;
    private final GridSolution groundTruth;
    private final LearningAgent agent;
    private final Trainer trainer;
    private final LcaRecorder lca;
    private final RunDirectory runDir;
    private final Path resumedFrom;

    private ExperimentRun(Builder b) {
        this.experiment = b.experiment;
        Experiment e = experiment;
        this.game = e.env().id() != null && GameRegistry.ids().contains(e.env().id()) ? GameRegistry.make(e.env().id())
                : null;
        if (game != null) {
            map = null;
            envId = e.env().id();
        } else if (e.env().map() != null) {
            try {
                map = GridMapParser.parse(e.env().map());
            } catch (MapFormatException ex) {
                throw new ConfigException(ex.problems().stream().map(MapProblem::toString).toList());
            }
            envId = "map:" + e.env().map().getFileName();
        } else {
            map = EnvRegistry.map(e.env().id());
            envId = e.env().id();
        }
        int maxSteps = e.env().maxEpisodeSteps();
        Supplier<GridWorld> envFactory = () -> new GridWorld(envId, map, maxSteps, e.env().observation());
        long buffered = e.agent().bufferedObservations();
        int observationSize = game != null ? game.observationSize() : envFactory.get().spec().observationSize();
        long rolloutFloats = buffered * observationSize;
        if (rolloutFloats > MAX_ROLLOUT_FLOATS) {
            boolean rollout = e.agent() instanceof PpoConfig || e.agent() instanceof A2cConfig;
            throw new ConfigException(List.of(String.format(java.util.Locale.ROOT,
                    "%s: %s %d observations of %d floats each needs %.1f GiB; at most %d floats (lower %s)",
                    rollout ? "agent.rolloutSteps" : "agent.bufferCapacity",
                    rollout ? "a rollout of" : "a buffer of", buffered, observationSize,
                    rolloutFloats * 4.0 / (1 << 30), MAX_ROLLOUT_FLOATS,
                    rollout ? "agent.numEnvs or agent.rolloutSteps" : "agent.bufferCapacity")));
        }
        // Created before the expensive set-up, so that an unusable --out fails at once.
        this.runDir = b.runDir == null ? null : b.resume ? RunDirectory.open(b.runDir) : RunDirectory.create(b.runDir);
        Backend.configure();
        int probeSize = e.lca().enabled() ? e.lca().probeSize() : 0;
        Trainer.Builder tb;
        if (game != null) {
            this.groundTruth = null;
            if (!(e.agent() instanceof AlphaZeroConfig c)) {
                throw new ConfigException(List.of("agent.type: '" + e.agentType() + "' trains on grid worlds; "
                        + envId + " is a game (use alphazero)"));
            }
            this.agent = AlphaZeroAgent.create(c, game, e.seed(), probeSize, DataType.FLOAT);
            tb = Trainer.builder(agent, new TrainerSettings(e.training().totalEnvSteps(),
                    e.training().checkpointEveryEnvSteps(), 0));
            GameEvaluator matches = new GameEvaluator(game, c.evalSimulations(), c.cPuct(), Seeds.derive(e.seed(), Seeds.EVAL));
            tb.evaluator(view -> matches.evaluate(((AlphaZeroView) view).net(),
                    GameEvaluator.standardOpponents(game, c.evalUctSimulations()), c.evalGames()));
        } else {
            this.groundTruth = ValueIteration.solve(envFactory.get(), 1.0);
            this.agent = createAgent(e, envFactory, probeSize);
            tb = Trainer.builder(agent, new TrainerSettings(e.training().totalEnvSteps(),
                    e.training().checkpointEveryEnvSteps(), 0));
            tb.evaluator(new GreedyEvaluator(envFactory, e.training().evalEpisodes(), Seeds.derive(e.seed(), Seeds.EVAL),
                    groundTruth.optimalReturn()));
        }
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
        if (b.resume) {
            Path checkpoint = runDir.latestResumableCheckpoint();
            if (checkpoint == null) {
                throw new ConfigException(List.of(runDir.path() + ": no checkpoint to resume from (the run was stopped "
                        + "before its first checkpoint; set training.checkpointEveryEnvSteps to checkpoint during a run)"));
            }
            tb.runDirectory(runDir).manifest(b.manifest).resumeFrom(checkpoint);
            this.resumedFrom = checkpoint;
        } else if (runDir != null) {
            JsonObject config = ExperimentLoader.toJson(e);
            runDir.writeConfig(config);
            tb.runDirectory(runDir).manifest(Manifest.create(e, config, envId, groundTruth));
            this.resumedFrom = null;
        } else {
            this.resumedFrom = null;
        }
        try {
            this.trainer = tb.build();
        } catch (CheckpointFormatException ex) {
            throw new ConfigException(List.of("cannot resume: " + ex.getMessage()));
        }
    }

    private static LearningAgent createAgent(Experiment e, Supplier<GridWorld> envFactory, int probeSize) {
        long budget = e.training().totalEnvSteps();
        if (e.agent() instanceof PpoConfig c) {
            return PpoAgent.create(c, envFactory, e.seed(), budget, probeSize, DataType.FLOAT);
        }
        if (e.agent() instanceof A2cConfig c) {
            return A2cAgent.create(c, envFactory, e.seed(), budget, probeSize, DataType.FLOAT);
        }
        if (e.agent() instanceof DqnConfig c) {
            return DqnAgent.create(c, envFactory, e.seed(), budget, probeSize, DataType.FLOAT);
        }
        if (e.agent() instanceof TabularLearnerConfig c) {
            return new TabularLearner(c, envFactory.get(), e.seed());
        }
        throw new ConfigException(List.of("agent.type: '" + e.agentType() + "' trains on games (game/...), not on "
                + "grid worlds"));
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
        JsonObject manifest;
        Path manifestFile = existing.path().resolve("manifest.json");
        try {
            manifest = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(manifestFile))
                    .getAsJsonObject();
        } catch (java.io.IOException | RuntimeException ex) {
            throw new ConfigException(List.of(manifestFile + ": cannot read (" + ex.getMessage() + ")"));
        }
        String status = manifest.has("status") ? manifest.get("status").getAsString() : "?";
        if (status.equals("completed")) {
            throw new ConfigException(List.of(dir + ": the run already completed; nothing to resume"));
        }
        Experiment experiment = ExperimentLoader.load(existing.path().resolve("config.json"));
        Builder b = new Builder(experiment);
        b.runDir = dir;
        b.resume = true;
        b.manifest = manifest;
        return b;
    }

    /** The checkpoint this run resumed from, or null for a fresh run. */
    public Path resumedFrom() {
        return resumedFrom;
    }

    /** Starts assembling a run of {@code experiment}. */
    public static Builder builder(Experiment experiment) {
        return new Builder(experiment);
    }

    /** The experiment. */
    public Experiment experiment() {
        return experiment;
    }

    /** The environment's id ({@code grid/...} or {@code map:<file>}). */
    public String envId() {
        return envId;
    }

    /** The board game trained on, or null for a grid world. */
    public Game game() {
        return game;
    }

    /**
     * A fresh environment like the ones trained on, for displays and play.
     *
     * @throws IllegalStateException for a game
     */
    public GridWorld newEnvironment() {
        if (game != null) {
            throw new IllegalStateException(envId + " is a game, not a grid world");
        }
        return new GridWorld(envId, map, experiment.env().maxEpisodeSteps(), experiment.env().observation());
    }

    /** Value iteration's exact solution (γ = 1) of the grid world, or null for a game. */
    public GridSolution groundTruth() {
        return groundTruth;
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
        return trainer.run();
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

        /** Adds a recorder after the LCA recorder. */
        public Builder recorder(Recorder r) {
            recorders.add(r);
            return this;
        }

        /** Sends every metric to {@code sink} too. */
        public Builder tap(MetricSink sink) {
            taps.add(sink);
            return this;
        }

        /** Uses this control handle. */
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
