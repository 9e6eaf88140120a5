package dev.lantern.agents.train;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.run.Checkpoints;
import dev.lantern.agents.run.ResumePoint;
import dev.lantern.agents.run.RunDirectory;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes the run's checkpoints ({@link Checkpoints}, {@code checkpoints/step-<envSteps>/}): a resumable one at the end
 * of the first iteration that reaches each multiple of {@code checkpointEveryEnvSteps}, and one when the loop stops
 * early (before the final evaluation, whose lines a resume cuts away); after the evaluation of a completed run, the
 * final network. A resumable checkpoint holds the agent's state and, in {@code recorders.state}, the state of every
 * recorder that has one, each in a section named after its class; a resumed run puts those back when it starts
 * (this recorder starts after the recorders whose state it keeps).
 */
final class CheckpointRecorder implements Recorder {

    private final RunDirectory dir;
    private final LearningAgent agent;
    private final long everyEnvSteps;
    private final List<Recorder> stateful;
    private final ResumePoint resume;
    private final Supplier<JsonObject> counters;
    private long lastEnvStep;

    /**
     * Checkpoints {@code agent} into {@code dir} every {@code everyEnvSteps} (0 = only at the end), keeping the state
     * of {@code recorders}; {@code counters} gives the trainer's counters for {@code state.json}; {@code resume} is the
     * checkpoint a resumed run continues from, or null.
     */
    CheckpointRecorder(RunDirectory dir, LearningAgent agent, long everyEnvSteps, List<Recorder> recorders,
            ResumePoint resume, Supplier<JsonObject> counters) {
        this.dir = dir;
        this.agent = agent;
        this.everyEnvSteps = everyEnvSteps;
        this.stateful = recorders.stream().filter(Recorder::hasState).toList();
        this.resume = resume;
        this.counters = counters;
        this.lastEnvStep = resume == null ? 0 : resume.envSteps();
    }

    @Override
    public void runStarted(RunContext run) {
        if (resume != null) {
            Checkpoints.readState(resume.checkpoint().resolve(RunDirectory.RECORDERS_STATE), in -> {
                for (Recorder r : stateful) {
                    in.section(sectionOf(r));
                    r.restoreState(in);
                }
            });
        }
    }

    @Override
    public void iterationEnded(long iteration, long envStep) {
        if (everyEnvSteps > 0 && envStep / everyEnvSteps > lastEnvStep / everyEnvSteps) {
            write(envStep, true);
        }
        lastEnvStep = envStep;
    }

    @Override
    public void loopEnded(boolean completed) {
        if (!completed) {
            write(lastEnvStep, true);
        }
    }

    @Override
    public void evaluationEnded(boolean completed) {
        if (completed) {
            // The final network; a completed run is not resumed, so its resume states are dropped.
            write(lastEnvStep, false);
        }
    }

    private void write(long envSteps, boolean resumable) {
        Checkpoints.write(dir, envSteps, counters.get(), agent, out -> {
            for (Recorder r : stateful) {
                out.section(sectionOf(r));
                r.saveState(out);
            }
        }, resumable);
    }

    private static String sectionOf(Recorder r) {
        return "recorder:" + r.getClass().getName();
    }

    /** {@inheritDoc} Always: it writes part of the run directory. */
    @Override
    public boolean writesRunFiles() {
        return true;
    }
}
