package dev.lantern.agents.run;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.run.state.CheckpointFormatException;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes the trainer's checkpoints and reads the recorders' part back ({@link ResumePoint} reads the rest): the
 * network with its updater state, the counters in {@code state.json}, and, for a resumable checkpoint, the agent's
 * state ({@code agent.state}) and the recorders' states ({@code recorders.state}, written and read by the caller,
 * which names a section per recorder).
 */
public final class Checkpoints {

    private Checkpoints() {
    }

    /**
     * Writes checkpoint {@code step-<envSteps>}; a checkpoint that is not {@code resumable} (the end of a completed run)
     * holds no recorder state, and no agent state unless the agent has no network (then its state is the model), and
     * the resume states of older checkpoints are dropped.
     */
    public static void write(RunDirectory dir, long envSteps, JsonObject counters, LearningAgent agent,
            Consumer<StateWriter> recorderStates, boolean resumable) {
        Map<String, Consumer<OutputStream>> files = new LinkedHashMap<>();
        Consumer<OutputStream> agentState = out -> {
            try (StateWriter w = new StateWriter(out)) {
                agent.saveState(w);
            }
        };
        if (!resumable) {
            if (agent.network() == null) {
                // A learner without a network (a Q-table) is its state: keep it as the run's final model.
                files.put(RunDirectory.AGENT_STATE, agentState);
                dir.writeCheckpoint(envSteps, null, counters, files);
            } else {
                dir.writeCheckpoint(envSteps, agent.network(), counters, files);
                dir.dropResumeStates();
            }
            return;
        }
        files.put(RunDirectory.AGENT_STATE, agentState);
        files.put(RunDirectory.RECORDERS_STATE, out -> {
            try (StateWriter w = new StateWriter(out)) {
                recorderStates.accept(w);
            }
        });
        dir.writeCheckpoint(envSteps, agent.network(), counters, files);
    }

    /**
     * Reads a state file of a checkpoint ({@code agent.state}, {@code recorders.state}) with {@code restore}, which
     * must read it to the end.
     *
     * @throws CheckpointFormatException if the file is unreadable or does not fit what reads it
     */
    public static void readState(Path path, Consumer<StateReader> restore) {
        try (InputStream in = Files.newInputStream(path);
             StateReader reader = new StateReader(in, path.toString())) {
            restore.accept(reader);
            reader.expectEnd();
        } catch (IOException e) {
            throw new CheckpointFormatException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
