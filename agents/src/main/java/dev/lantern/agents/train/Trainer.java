package dev.lantern.agents.train;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.api.ParameterLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link LearningAgent} for a budget of environment steps, feeding its events to recorders, writing the run
 * directory (manifest, metrics, checkpoints) when there is one, and ending with a greedy evaluation.
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
    private final ParameterLayout layout;
    private final TrainerSettings settings;
    private final FinalEvaluation evaluator;
    private final RunDirectory runDir;
    private final JsonObject manifest;
    private final List<Recorder> recorders;
    private final List<MetricSink> taps;
    private final TrainingControl control;
    private final ResumePoint resume;
    private double priorSeconds;
    private long startNanos;
    private MetricsFile file;

    private Trainer(Builder b) {
        this.agent = b.agent;
        this.layout = b.agent.network() == null ? new ParameterLayout(List.of()) : ParameterLayout.of(b.agent.network());
        this.settings = b.settings;
        this.evaluator = b.evaluator;
        this.runDir = b.runDir;
        this.manifest = b.manifest == null ? new JsonObject() : b.manifest.deepCopy();
        this.recorders = List.copyOf(b.recorders);
        this.taps = List.copyOf(b.taps);
        this.control = b.control == null ? new TrainingControl() : b.control;
        this.resume = b.resumeFrom == null ? null : ResumePoint.restore(b.resumeFrom, agent);
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
        manifest.addProperty("status", "running");
        if (resume == null) {
            manifest.addProperty("startTime", Instant.now().toString());
        } else {
            JsonObject r = new JsonObject();
            r.addProperty("time", Instant.now().toString());
            r.addProperty("checkpoint", resume.checkpoint().getFileName().toString());
            r.addProperty("envSteps", resume.envSteps());
            if (!manifest.has("resumes")) {
                manifest.add("resumes", new com.google.gson.JsonArray());
            }
            manifest.getAsJsonArray("resumes").add(r);
            manifest.remove("endTime");
            manifest.remove("failure");
            priorSeconds = resume.elapsedSeconds();
        }
        writeManifest();
        List<MetricSink> sinks = new ArrayList<>(taps);
        MetricSink metrics = (step, name, value) -> {
            for (MetricSink s : sinks) {
                s.scalar(step, name, value);
            }
        };
        Map<String, Object> recorderNotes = new LinkedHashMap<>();
        RunContext context = new RunContext(layout, runDir == null ? null : runDir.path(), metrics, recorderNotes,
                agent::snapshot);
        Session session = new Session(metrics);
        String status = "completed";
        String failure = null;
        Map<String, Double> evaluation = Map.of();
        Error fatal = null;
        long iteration = 0;
        try {
            for (Recorder r : recorders) {
                r.runStarted(context);
            }
            if (resume != null) {
                iteration = resume.iterations();
                session.envSteps = resume.envSteps();
                session.episodes = resume.episodes();
                session.updates = resume.updates();
                Checkpoints.restoreRecorders(resume.checkpoint().resolve(RunDirectory.RECORDERS_STATE), recorders);
                if (runDir != null) {
                    MetricsFile.truncate(runDir.metricsFile(), resume.metricsBytes());
                }
            }
            if (runDir != null) {
                file = new MetricsFile(runDir.metricsFile(), priorSeconds);
                sinks.add(0, file);
            }
            while (session.envSteps < settings.totalEnvSteps()) {
                if (!control.awaitTurn()) {
                    status = "interrupted";
                    break;
                }
                long iterStart = System.nanoTime();
                long stepsBefore = session.envSteps;
                agent.iterate(session);
                iteration++;
                double seconds = (System.nanoTime() - iterStart) / 1e9;
                metrics.scalar(session.envSteps, "time/steps_per_second", (session.envSteps - stepsBefore) / seconds);
                for (Recorder r : recorders) {
                    r.iterationEnded(iteration, session.envSteps);
                }
                if (file != null) {
                    file.flush();
                }
                long every = settings.checkpointEveryEnvSteps();
                if (runDir != null && every > 0 && session.envSteps / every > stepsBefore / every) {
                    checkpoint(session, iteration, true);
                }
                if (settings.logEveryIterations() > 0 && iteration % settings.logEveryIterations() == 0) {
                    LOG.info("iteration {}: {} env steps, {} updates, {} episodes", iteration, session.envSteps,
                            agent.updates(), session.episodes);
                }
                long delay = control.delayMillis();
                if (delay > 0) {
                    Thread.sleep(delay);
                }
            }
            boolean completed = status.equals("completed");
            if (runDir != null && !completed) {
                // Stopped early: a resumable checkpoint before the evaluation, whose lines a resume cuts away.
                checkpoint(session, iteration, true);
            }
            if (evaluator != null) {
                evaluation = evaluator.evaluate(agent.snapshot());
                for (Map.Entry<String, Double> e : evaluation.entrySet()) {
                    metrics.scalar(session.envSteps, e.getKey(), e.getValue());
                }
            }
            if (runDir != null && completed) {
                // The final network; a completed run is not resumed, so its resume states are dropped.
                checkpoint(session, iteration, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "interrupted";
        } catch (RuntimeException | Error e) {
            // The executor boundary: log once, record the failure, let the caller decide; errors are rethrown below.
            LOG.error("training failed at env step {}: {}", session.envSteps, e.toString(), e);
            status = "failed";
            failure = e.toString();
            fatal = e instanceof Error err ? err : null;
        }
        double seconds = elapsedSeconds();
        RunOutcome outcome = new RunOutcome(status, session.envSteps, agent.updates(), seconds, evaluation, failure);
        for (Recorder r : recorders) {
            try {
                r.runEnded(outcome);
            } catch (RuntimeException e) {
                LOG.error("recorder {} failed to finish: {}", r.getClass().getSimpleName(), e.toString(), e);
            }
        }
        if (file != null) {
            try {
                file.close();
            } catch (RuntimeException e) {
                LOG.error("cannot close metrics file: {}", e.toString());
                if (failure == null) {
                    status = "failed";
                    failure = e.toString();
                }
            }
        }
        manifest.addProperty("status", status);
        manifest.addProperty("endTime", Instant.now().toString());
        manifest.addProperty("trainingSeconds", seconds);
        manifest.addProperty("envSteps", session.envSteps);
        manifest.addProperty("updates", agent.updates());
        manifest.addProperty("episodes", session.episodes);
        if (failure != null) {
            manifest.addProperty("failure", failure);
        }
        manifest.add("recorders", RunDirectory.GSON.toJsonTree(recorderNotes));
        writeManifest();
        if (fatal != null) {
            throw fatal;
        }
        return outcome;
    }

    private double elapsedSeconds() {
        return priorSeconds + (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Writes a checkpoint: the network with its updater state, the trainer's counters and the length of
     * {@code metrics.jsonl}; when {@code resumable}, also the agent's and every recorder's state, from which
     * {@link Builder#resumeFrom} continues exactly.
     */
    private void checkpoint(Session session, long iteration, boolean resumable) {
        JsonObject state = new JsonObject();
        state.addProperty("envSteps", session.envSteps);
        state.addProperty("iterations", iteration);
        state.addProperty("updates", agent.updates());
        state.addProperty("reportedUpdates", session.updates);
        state.addProperty("episodes", session.episodes);
        state.addProperty("metricsBytes", file == null ? 0 : file.flushedLength());
        state.addProperty("elapsedSeconds", elapsedSeconds());
        Checkpoints.write(runDir, session.envSteps, state, agent, recorders, resumable);
    }

    private void writeManifest() {
        if (runDir != null) {
            runDir.writeManifest(manifest);
        }
    }

    /** The trainer's side of the agent's reports. */
    private final class Session implements TrainingSession {
        private final MetricSink metrics;
        private final boolean history;
        private long envSteps;
        private long episodes;
        private long updates;

        Session(MetricSink metrics) {
            this.metrics = metrics;
            this.history = recorders.stream().anyMatch(Recorder::needsParameterHistory);
        }

        @Override
        public long envSteps() {
            return envSteps;
        }

        @Override
        public void addEnvSteps(int n) {
            envSteps += n;
        }

        @Override
        public void episodeEnded(double episodeReturn, double performance, int length, boolean success) {
            episodes++;
            metrics.scalar(envSteps, "episode/return", episodeReturn);
            metrics.scalar(envSteps, "episode/length", length);
            metrics.scalar(envSteps, "episode/performance", performance);
            metrics.scalar(envSteps, "episode/success", success ? 1 : 0);
        }

        @Override
        public void metric(String name, double value) {
            metrics.scalar(envSteps, name, value);
        }

        @Override
        public boolean needsParameterHistory() {
            return history;
        }

        @Override
        public void updateApplied(INDArray paramsBefore, PinnedLoss probe) {
            UpdateEvent event = new UpdateEvent(updates++, envSteps, paramsBefore, agent.network().params(), probe);
            for (Recorder r : recorders) {
                r.updateApplied(event);
            }
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
        private java.nio.file.Path resumeFrom;

        private Builder(LearningAgent agent, TrainerSettings settings) {
            this.agent = agent;
            this.settings = settings;
        }

        /** Evaluates the final policy (greedy episodes, matches against fixed opponents, ...). */
        public Builder evaluator(FinalEvaluation e) {
            this.evaluator = e;
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
        public Builder resumeFrom(java.nio.file.Path checkpoint) {
            this.resumeFrom = checkpoint;
            return this;
        }

        /**
         * The trainer.
         *
         * @throws dev.lantern.agents.api.CheckpointFormatException when resuming from a checkpoint that is missing, corrupt or does not fit
         */
        public Trainer build() {
            return new Trainer(this);
        }
    }
}
