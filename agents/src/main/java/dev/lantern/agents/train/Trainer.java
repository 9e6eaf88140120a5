package dev.lantern.agents.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.run.ResumePoint;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.environments.api.Environment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link LearningAgent} for a budget of environment steps, feeding its events to recorders, writing the
 * manifest when there is a run directory, and ending with the final evaluation. With a run directory the builder adds
 * the two recorders that write the rest of it, after the caller's: {@code CheckpointRecorder} ({@code checkpoints/})
 * and {@code MetricsRecorder} ({@code metrics.jsonl}).
 *
 * <p>The trainer owns the network on the calling thread. Everything else sees snapshots. A failure inside the loop is
 * caught here, logged once, recorded as {@code status: failed} with its reason, and returned in the outcome.
 *
 * <p><b>Metrics</b> (step = environment steps so far): {@code episode/return}, {@code episode/length},
 * {@code episode/performance}, {@code episode/success} for every finished episode; the agent's own
 * ({@code loss/...}); the recorders' ({@code lca/...}); the evaluator's ({@code eval/...}) at the end; and
 * {@code time/steps_per_second} per iteration.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final LearningAgent agent;
    private final TrainerSettings settings;
    private final FinalEvaluation evaluator;
    private final RunDirectory runDir;
    private final JsonObject manifest;
    private final List<Recorder> recorders = new ArrayList<>();
    private final List<Recorder> runFiles = new ArrayList<>();
    private final List<MetricSink> sinks = new ArrayList<>();
    private final TrainingControl control;
    private final NativeGarbage nativeGarbage = new NativeGarbage();
    private final ResumePoint resume;
    private final TrainerSession session;
    private final MetricsRecorder metricsFile;
    private final Supplier<? extends Environment> environments;
    private long startNanos;

    private Trainer(Builder b) {
        this.agent = b.agent;
        this.settings = b.settings;
        this.evaluator = b.evaluator;
        this.runDir = b.runDir;
        this.environments = b.environments;
        this.manifest = b.manifest == null ? new JsonObject() : b.manifest.deepCopy();
        this.control = b.control == null ? new TrainingControl() : b.control;
        this.resume = b.resumeFrom == null ? null : ResumePoint.restore(b.resumeFrom, agent);
        recorders.addAll(b.recorders);
        session = new TrainerSession(agent, this::scalar, List.copyOf(b.recorders));
        if (resume != null) {
            session.resumeAt(resume.envSteps(), resume.episodes(), resume.updates(), resume.iterations());
        }
        if (runDir != null) {
            metricsFile = new MetricsRecorder(runDir.metricsFile(), resume);
            runFiles.add(new CheckpointRecorder(runDir, agent, settings.checkpointEveryEnvSteps(), b.recorders, resume,
                    this::counters));
            runFiles.add(metricsFile);
            recorders.addAll(runFiles);
            sinks.add(metricsFile);
        } else {
            metricsFile = null;
        }
        sinks.addAll(b.taps);
    }

    /** Starts building a trainer for {@code agent}. */
    public static Builder builder(LearningAgent agent, TrainerSettings settings) {
        return new Builder(agent, settings);
    }

    /** The control handle (pause, single-step, stop, speed). */
    public TrainingControl control() {
        return control;
    }

    /** Runs to the end of the budget, a stop request, or a failure. */
    public RunOutcome run() {
        startNanos = System.nanoTime();
        markStarted();
        Map<String, Object> recorderNotes = new LinkedHashMap<>();
        ParameterLayout layout = agent.network() == null ? new ParameterLayout(List.of())
                : ParameterLayout.of(agent.network());
        RunContext context = new RunContext(layout, runDir == null ? null : runDir.path(), this::scalar,
                recorderNotes, agent::snapshot, environments);
        String status = "completed";
        String failure = null;
        Map<String, Double> evaluation = Map.of();
        Error fatal = null;
        try {
            for (Recorder r : recorders) {
                r.runStarted(context);
            }
            status = loop();
            boolean completed = status.equals("completed");
            for (Recorder r : recorders) {
                r.loopEnded(completed);
            }
            if (evaluator != null) {
                evaluation = evaluator.evaluate(agent.snapshot());
                for (Map.Entry<String, Double> e : evaluation.entrySet()) {
                    scalar(session.envSteps(), e.getKey(), e.getValue());
                }
            }
            for (Recorder r : recorders) {
                r.evaluationEnded(completed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "interrupted";
        } catch (RuntimeException | Error e) {
            // The executor boundary: log once, record the failure, let the caller decide; errors are rethrown below.
            LOG.error("training failed at env step {}: {}", session.envSteps(), e.toString(), e);
            status = "failed";
            failure = e.toString();
            fatal = e instanceof Error err ? err : null;
        }
        double seconds = elapsedSeconds();
        RunOutcome outcome = new RunOutcome(status, session.envSteps(), agent.updates(), seconds, evaluation, failure);
        for (Recorder r : recorders) {
            try {
                r.runEnded(outcome);
            } catch (RuntimeException e) {
                LOG.error("recorder {} failed to finish: {}", r.getClass().getSimpleName(), e.toString(), e);
                if (r.writesRunFiles() && failure == null) {
                    status = "failed";
                    failure = e.toString();
                }
            }
        }
        markEnded(status, failure, seconds, recorderNotes);
        if (fatal != null) {
            throw fatal;
        }
        return status.equals(outcome.status()) ? outcome
                : new RunOutcome(status, outcome.envSteps(), outcome.updates(), seconds, evaluation, failure);
    }

    /** Iterates until the budget is spent ({@code completed}) or the control says stop ({@code interrupted}). */
    private String loop() throws InterruptedException {
        while (session.envSteps() < settings.totalEnvSteps()) {
            if (!control.awaitTurn()) {
                return "interrupted";
            }
            long iterStart = System.nanoTime();
            long stepsBefore = session.envSteps();
            agent.iterate(session);
            long iteration = session.iterationEnded();
            double seconds = (System.nanoTime() - iterStart) / 1e9;
            scalar(session.envSteps(), "time/steps_per_second", (session.envSteps() - stepsBefore) / seconds);
            for (Recorder r : recorders) {
                r.iterationEnded(iteration, session.envSteps());
            }
            nativeGarbage.afterIteration();
            if (settings.logEveryIterations() > 0 && iteration % settings.logEveryIterations() == 0) {
                LOG.info("iteration {}: {} env steps, {} updates, {} episodes", iteration, session.envSteps(),
                        agent.updates(), session.episodes());
            }
            long delay = control.delayMillis();
            if (delay > 0) {
                Thread.sleep(delay);
            }
        }
        return "completed";
    }

    /** Sends one metric to the metrics file (when there is a run directory) and the taps, in that order. */
    private void scalar(long step, String name, double value) {
        for (MetricSink s : sinks) {
            s.scalar(step, name, value);
        }
    }

    private double elapsedSeconds() {
        return (resume == null ? 0 : resume.elapsedSeconds()) + (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * The trainer's counters for a checkpoint's {@code state.json} ({@link ResumePoint} reads them back), with the
     * length of {@code metrics.jsonl} to cut back to.
     */
    private JsonObject counters() {
        JsonObject state = new JsonObject();
        state.addProperty("envSteps", session.envSteps());
        state.addProperty("iterations", session.iterations());
        state.addProperty("updates", agent.updates());
        state.addProperty("reportedUpdates", session.updates());
        state.addProperty("episodes", session.episodes());
        state.addProperty("metricsBytes", metricsFile.flushedLength());
        state.addProperty("elapsedSeconds", elapsedSeconds());
        return state;
    }

    /** The manifest says {@code running}, with the start time or, for a resumed run, one more entry in {@code resumes}. */
    private void markStarted() {
        manifest.addProperty("status", "running");
        if (resume == null) {
            manifest.addProperty("startTime", Instant.now().toString());
        } else {
            JsonObject r = new JsonObject();
            r.addProperty("time", Instant.now().toString());
            r.addProperty("checkpoint", resume.checkpoint().getFileName().toString());
            r.addProperty("envSteps", resume.envSteps());
            if (!manifest.has("resumes")) {
                manifest.add("resumes", new JsonArray());
            }
            manifest.getAsJsonArray("resumes").add(r);
            manifest.remove("endTime");
            manifest.remove("failure");
        }
        writeManifest();
    }

    /** The manifest gets the run's end: status, times, counters, failure and the recorders' notes. */
    private void markEnded(String status, String failure, double seconds, Map<String, Object> recorderNotes) {
        manifest.addProperty("status", status);
        manifest.addProperty("endTime", Instant.now().toString());
        manifest.addProperty("trainingSeconds", seconds);
        manifest.addProperty("envSteps", session.envSteps());
        manifest.addProperty("updates", agent.updates());
        manifest.addProperty("episodes", session.episodes());
        if (failure != null) {
            manifest.addProperty("failure", failure);
        }
        manifest.add("recorders", RunDirectory.GSON.toJsonTree(recorderNotes));
        writeManifest();
    }

    private void writeManifest() {
        if (runDir != null) {
            runDir.writeManifest(manifest);
        }
    }

    /** Builds a {@link Trainer}. */
    public static final class Builder {
        private final LearningAgent agent;
        private final TrainerSettings settings;
        private FinalEvaluation evaluator;
        private RunDirectory runDir;
        private JsonObject manifest;
        private final List<Recorder> recorders = new ArrayList<>();
        private final List<MetricSink> taps = new ArrayList<>();
        private TrainingControl control;
        private Path resumeFrom;
        private Supplier<? extends Environment> environments;

        private Builder(LearningAgent agent, TrainerSettings settings) {
            this.agent = agent;
            this.settings = settings;
        }

        /** Evaluates the final policy (greedy episodes, matches against fixed opponents, ...). */
        public Builder evaluator(FinalEvaluation e) {
            this.evaluator = e;
            return this;
        }

        /** Tells recorders ({@link RunContext#environments()}) how to make an environment like the ones trained on. */
        public Builder environments(Supplier<? extends Environment> factory) {
            this.environments = factory;
            return this;
        }

        /** Writes manifest, metrics and checkpoints there; without it the run writes no files. */
        public Builder runDirectory(RunDirectory dir) {
            this.runDir = dir;
            return this;
        }

        /** The manifest's fixed part (version, config, seeds, environment); the trainer adds status and times. */
        public Builder manifest(JsonObject m) {
            this.manifest = m;
            return this;
        }

        /** Adds a recorder; recorders are called in the order added. */
        public Builder recorder(Recorder r) {
            recorders.add(r);
            return this;
        }

        /** Also sends every metric to {@code sink} (the lab's live feed). */
        public Builder tap(MetricSink sink) {
            taps.add(sink);
            return this;
        }

        /** Uses this control handle (pause, step, stop, speed). */
        public Builder control(TrainingControl c) {
            this.control = c;
            return this;
        }

        /**
         * Continues from a checkpoint folder (see {@link RunDirectory#latestResumableCheckpoint()}) instead of
         * starting fresh: {@link #build()} puts the checkpoint's network and agent state into the agent (which must be
         * built from the same configuration and seed); {@link Trainer#run()} cuts {@code metrics.jsonl} back to the
         * checkpoint, restores the recorders and goes on. The manifest given must be the run's own.
         */
        public Builder resumeFrom(Path checkpoint) {
            this.resumeFrom = checkpoint;
            return this;
        }

        /**
         * The trainer.
         *
         * @throws dev.lantern.agents.run.state.CheckpointFormatException when resuming from a checkpoint that is missing, corrupt or does not fit
         */
        public Trainer build() {
            return new Trainer(this);
        }
    }
}
