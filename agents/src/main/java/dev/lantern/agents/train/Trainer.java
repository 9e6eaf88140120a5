package dev.lantern.agents.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.api.Snapshots;
import dev.lantern.agents.run.ResumePoint;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.environments.api.Environment;
import java.io.UncheckedIOException;
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
 * <p><b>Divergence</b> ({@link DivergenceWatch}): after every iteration, before the recorders hear of its end, a
 * non-finite learner metric or parameter stops the run as {@code failed} with a {@link DivergenceException}'s message
 * (step, metric, hint) and a {@code divergence} entry in the manifest ({@code envStep}, {@code metric}, {@code value},
 * {@code hint}, {@code lastGoodCheckpoint}). The iteration's metric lines so far are written (the non-finite value
 * among them); its {@code time/steps_per_second}, recorder output at iteration end, checkpoint and the final
 * evaluation are not, so the newest checkpoint is one from before the divergence. A runaway value is logged as a
 * warning and kept in the manifest's {@code warnings}; it changes nothing else.
 *
 * <p><b>Metrics</b> (step = environment steps so far): {@code episode/return}, {@code episode/length},
 * {@code episode/performance}, {@code episode/success} for every finished episode; the agent's own
 * ({@code loss/...}); the recorders' ({@code lca/...}); the evaluator's ({@code eval/...}) after the iteration that
 * passes each multiple of {@link TrainerSettings#evalEveryEnvSteps()} and at the end, with
 * {@code eval/first_solved_step} once ({@code EvaluationRecorder}); and {@code time/steps_per_second} per iteration.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final LearningAgent agent;
    private final TrainerSettings settings;
    private final EvaluationRecorder evaluations;
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
    private final DivergenceWatch watch = new DivergenceWatch(this::warn);
    private ParameterLayout layout;
    private JsonObject divergence;
    private long startNanos;

    private Trainer(Builder b) {
        this.agent = b.agent;
        this.settings = b.settings;
        this.evaluations = b.evaluator == null ? null
                : new EvaluationRecorder(b.evaluator, settings, this::elapsedSeconds);
        this.runDir = b.runDir;
        this.environments = b.environments;
        this.manifest = b.manifest == null ? new JsonObject() : b.manifest.deepCopy();
        this.control = b.control == null ? new TrainingControl() : b.control;
        this.resume = b.resumeFrom == null ? null : ResumePoint.restore(b.resumeFrom, agent);
        List<Recorder> own = new ArrayList<>(b.recorders); // with the evaluations, ahead of the checkpoints
        if (evaluations != null) {
            own.add(evaluations);
        }
        recorders.addAll(own);
        session = new TrainerSession(agent, this::learnerScalar, List.copyOf(b.recorders));
        if (resume != null && manifest.has("warnings") && manifest.get("warnings").isJsonArray()) {
            List<String> earlier = new ArrayList<>();
            manifest.getAsJsonArray("warnings").forEach(w -> earlier.add(w.isJsonPrimitive() ? w.getAsString() : ""));
            watch.alreadyWarned(earlier); // once per metric per run, across resumes
        }
        if (resume != null) {
            session.resumeAt(resume.envSteps(), resume.episodes(), resume.updates(), resume.iterations());
        }
        if (runDir != null) {
            metricsFile = new MetricsRecorder(runDir.metricsFile(), resume);
            runFiles.add(new CheckpointRecorder(runDir, agent, settings.checkpointEveryEnvSteps(), own, resume,
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
        String manifestFailure = markStarted();
        if (manifestFailure != null) { // nothing started: the recorders have nothing to end
            String failure = writeFailure(new UncheckedIOException(manifestFailure, new java.io.IOException()));
            String unrecorded = markEnded("failed", failure, 0, Map.of());
            return new RunOutcome("failed", session.envSteps(), agent.updates(), 0, Map.of(),
                    unrecorded == null ? failure : failure + "; " + unrecorded);
        }
        Map<String, Object> recorderNotes = new LinkedHashMap<>();
        layout = agent.network() == null ? new ParameterLayout(List.of()) : ParameterLayout.of(agent.network());
        RunContext context = new RunContext(layout, runDir == null ? null : runDir.path(), this::scalar,
                recorderNotes, Snapshots.of(agent), environments);
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
            if (evaluations != null) {
                evaluation = evaluations.finalEvaluation(session.envSteps());
            }
            for (Recorder r : recorders) {
                r.evaluationEnded(completed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "interrupted";
        } catch (DivergenceException e) {
            // Not a crash: the run's own numbers went non-finite. One line; the caller reports the failure.
            LOG.info("{}", e.getMessage());
            status = "failed";
            failure = e.getMessage();
            divergence = describe(e);
        } catch (UncheckedIOException e) {
            // A run file could not be written (a full disk, ...): the reason says it all; the trace is for debugging.
            failure = writeFailure(e);
            LOG.debug("training failed: {}", failure, e);
            status = "failed";
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
            } catch (UncheckedIOException e) {
                LOG.debug("recorder {} failed to finish: {}", r.getClass().getSimpleName(), e.getMessage(), e);
                if (r.writesRunFiles() && failure == null) {
                    status = "failed";
                    failure = writeFailure(e);
                }
            } catch (RuntimeException e) {
                LOG.error("recorder {} failed to finish: {}", r.getClass().getSimpleName(), e.toString(), e);
                if (r.writesRunFiles() && failure == null) {
                    status = "failed";
                    failure = e.toString();
                }
            }
        }
        String unrecorded = markEnded(status, failure, seconds, recorderNotes);
        if (unrecorded != null) {
            status = "failed";
            failure = (failure == null ? "" : failure + "; ") + unrecorded;
        }
        if (fatal != null) {
            throw fatal;
        }
        return status.equals(outcome.status()) && java.util.Objects.equals(failure, outcome.failure()) ? outcome
                : new RunOutcome(status, outcome.envSteps(), outcome.updates(), seconds, evaluation, failure);
    }

    /**
     * Iterates until the budget is spent or an evaluation solved the world with {@code stopWhenSolved}
     * ({@code completed}), or the control says stop ({@code interrupted}).
     */
    private String loop() throws InterruptedException {
        while (session.envSteps() < settings.totalEnvSteps() && (evaluations == null || !evaluations.stopsTraining())) {
            if (!control.awaitTurn()) {
                return "interrupted";
            }
            long iterStart = System.nanoTime();
            long stepsBefore = session.envSteps();
            agent.iterate(session);
            long iteration = session.iterationEnded();
            // Before the recorders hear of the iteration's end: a diverged state is never checkpointed.
            watch.iterationEnded(session.envSteps(), agent.network(), layout);
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

    /** A metric from the learner (through the session): sent on as any other, and watched for divergence. */
    private void learnerScalar(long step, String name, double value) {
        scalar(step, name, value);
        watch.metric(step, name, value);
    }

    /** A runaway warning: logged once, and kept in the manifest's {@code warnings} (once, also across resumes). */
    private void warn(String line) {
        LOG.warn("{}", line);
        if (!manifest.has("warnings")) {
            manifest.add("warnings", new JsonArray());
        }
        JsonArray warnings = manifest.getAsJsonArray("warnings");
        if (!warnings.contains(new JsonPrimitive(line))) {
            warnings.add(line);
            writeManifest();
        }
    }

    /**
     * The manifest's {@code divergence}: where and what went non-finite, and the newest checkpoint left (all written
     * before the divergence), or null when there is none.
     */
    private JsonObject describe(DivergenceException e) {
        JsonObject d = new JsonObject();
        d.addProperty("envStep", e.envStep());
        d.addProperty("metric", e.metric());
        d.addProperty("value", Double.toString(e.value()));
        d.addProperty("hint", DivergenceException.HINT);
        Path last = runDir == null ? null : runDir.latestResumableCheckpoint();
        d.addProperty("lastGoodCheckpoint", last == null ? null : last.getFileName().toString());
        return d;
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

    /**
     * The reason of a run that failed because a run file could not be written: where, what, and that the run resumes
     * from its last checkpoint (or starts again, if it had none) once the cause is fixed.
     */
    private String writeFailure(UncheckedIOException e) {
        return "at env step " + session.envSteps() + ": " + e.getMessage() + " (once it can be written, lantern resume "
                + "continues the run from its last checkpoint, or from the start if it has none)";
    }

    /**
     * The manifest says {@code running}, with the start time or, for a resumed run, one more entry in {@code resumes}.
     *
     * @return null, or why the manifest could not be written
     */
    private String markStarted() {
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
            manifest.remove("divergence");
        }
        return writeManifest();
    }

    /**
     * The manifest gets the run's end: status, times, counters, failure and the recorders' notes.
     *
     * @return null, or why the manifest could not be written (it then does not record how the run ended)
     */
    private String markEnded(String status, String failure, double seconds, Map<String, Object> recorderNotes) {
        manifest.addProperty("status", status);
        manifest.addProperty("endTime", Instant.now().toString());
        manifest.addProperty("trainingSeconds", seconds);
        manifest.addProperty("envSteps", session.envSteps());
        manifest.addProperty("updates", agent.updates());
        manifest.addProperty("episodes", session.episodes());
        if (failure != null) {
            manifest.addProperty("failure", failure);
        }
        if (divergence != null) {
            manifest.add("divergence", divergence);
        }
        manifest.add("recorders", RunDirectory.GSON.toJsonTree(recorderNotes));
        String failed = writeManifest();
        return failed == null ? null : failed + ", so the manifest does not record how the run ended";
    }

    /** Writes the manifest; returns null, or why it could not be written. */
    private String writeManifest() {
        if (runDir != null) {
            try {
                runDir.writeManifest(manifest);
            } catch (UncheckedIOException e) {
                LOG.debug("cannot write the manifest", e);
                return e.getMessage();
            }
        }
        return null;
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

        /**
         * Evaluates the policy (greedy episodes, matches against fixed opponents, ...) at the end of the run, and every
         * {@link TrainerSettings#evalEveryEnvSteps()} during it.
         */
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
