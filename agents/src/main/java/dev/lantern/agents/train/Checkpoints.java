package dev.lantern.agents.train;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.CheckpointFormatException;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.StateReader;
import dev.lantern.agents.api.StateWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes the trainer's checkpoints and reads the recorders' part back ({@link ResumePoint} reads the rest): the
 * network with its updater state, the counters in {@code state.json}, and, for a resumable checkpoint, the agent's
 * state and the state of every recorder that has one, each recorder in a section named after its class.
 */
final class Checkpoints {

    private Checkpoints() {
    }

    /**
     * Writes checkpoint {@code step-<envSteps>}; a checkpoint that is not {@code resumable} (the end of a completed run)
     * holds no recorder state, and no agent state unless the agent has no network (then its state is the model), and
     * the resume states of older checkpoints are dropped.
     */
    static void write(RunDirectory dir, long envSteps, JsonObject counters, LearningAgent agent,
            List<Recorder> recorders, boolean resumable) {
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
                for (Recorder r : recorders) {
                    if (r.hasState()) {
                        w.section(sectionOf(r));
                        r.saveState(w);
                    }
                }
            }
        });
        dir.writeCheckpoint(envSteps, agent.network(), counters, files);
    }

    /**
     * Restores every recorder that has state from {@code path} ({@code recorders.state}).
     *
     * @throws CheckpointFormatException if the file is unreadable or does not fit these recorders
     */
    static void restoreRecorders(Path path, List<Recorder> recorders) {
        try (InputStream in = Files.newInputStream(path);
             StateReader reader = new StateReader(in, path.toString())) {
            for (Recorder r : recorders) {
                if (r.hasState()) {
                    reader.section(sectionOf(r));
                    r.restoreState(reader);
                }
            }
            reader.expectEnd();
        } catch (IOException e) {
            throw new CheckpointFormatException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static String sectionOf(Recorder r) {
        return "recorder:" + r.getClass().getName();
    }
}
