package dev.lantern.agents.run;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.run.state.CheckpointFormatException;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a resumed run picks up: the trainer's counters from a checkpoint's {@code state.json}, after the agent's
 * network (parameters, Adam state, update counters) and the agent's own state were put back from the same checkpoint.
 *
 * @param checkpoint     the checkpoint folder
 * @param envSteps       environment steps collected when it was written
 * @param iterations     iterations completed
 * @param updates        optimizer steps reported to recorders
 * @param episodes       episodes finished
 * @param metricsBytes   length of {@code metrics.jsonl} at that moment
 * @param elapsedSeconds training wall-clock time so far (metrics' {@code time} continues from it)
 */
public record ResumePoint(Path checkpoint, long envSteps, long iterations, long updates, long episodes,
        long metricsBytes, double elapsedSeconds) {

    /**
     * Checks {@code checkpoint} and the run's appended files against their checksums ({@link CheckpointIntegrity}),
     * then reads it into {@code agent}: network parameters and updater state, then the agent's state. Nothing is
     * changed on disk.
     *
     * @throws CheckpointFormatException if a file is missing, damaged, or does not fit the agent (named in the message)
     */
    public static ResumePoint restore(Path checkpoint, LearningAgent agent) {
        JsonObject state = CheckpointIntegrity.verify(checkpoint);
        if (agent.network() != null) {
            restoreNetwork(checkpoint.resolve(RunDirectory.NETWORK), agent.network());
        }
        Checkpoints.readState(checkpoint.resolve(RunDirectory.AGENT_STATE), agent::restoreState);
        try {
            return new ResumePoint(checkpoint, state.get("envSteps").getAsLong(), state.get("iterations").getAsLong(),
                    state.get("reportedUpdates").getAsLong(), state.get("episodes").getAsLong(),
                    state.get("metricsBytes").getAsLong(), state.get("elapsedSeconds").getAsDouble());
        } catch (RuntimeException e) {
            throw new CheckpointFormatException(checkpoint.resolve(RunDirectory.STATE)
                    + ": missing or malformed counters (" + e + ")", e);
        }
    }

    /** Copies parameters, updater state and update counters from a saved graph into the live one. */
    private static void restoreNetwork(Path file, ComputationGraph live) {
        ComputationGraph saved;
        try {
            saved = ModelSerializer.restoreComputationGraph(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointFormatException(file + ": cannot read the network (" + e.getMessage() + ")", e);
        }
        if (saved.numParams() != live.numParams() || saved.params().dataType() != live.params().dataType()) {
            throw new CheckpointFormatException(file + ": the saved network has " + saved.numParams() + " "
                    + saved.params().dataType() + " parameters, this run's has " + live.numParams() + " "
                    + live.params().dataType());
        }
        live.params().assign(saved.params());
        INDArray savedUpdater = saved.getUpdater() == null ? null : saved.getUpdater().getStateViewArray();
        INDArray liveUpdater = live.getUpdater().getStateViewArray();
        if (savedUpdater == null || liveUpdater == null || savedUpdater.length() != liveUpdater.length()) {
            throw new CheckpointFormatException(file + ": the saved network has no updater state of the right size");
        }
        liveUpdater.assign(savedUpdater);
        live.getConfiguration().setIterationCount(saved.getConfiguration().getIterationCount());
        live.getConfiguration().setEpochCount(saved.getConfiguration().getEpochCount());
    }
}
