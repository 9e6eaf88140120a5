package dev.lantern.agents.train;

import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;

/**
 * Listens to a training run on the training thread. Recorders write files (metrics, checkpoints, LCA), feed the lab,
 * or measure; they must not keep references to live arrays beyond a call.
 */
public interface Recorder {

    /** True if {@link UpdateEvent#paramsBefore()} must be filled (costs one parameter copy per update). */
    default boolean needsParameterHistory() {
        return false;
    }

    /** The run begins; {@code run} gives the network layout, the run directory (may be absent) and the metric sink. */
    default void runStarted(RunContext run) {
    }

    /** An optimizer step was applied. */
    default void updateApplied(UpdateEvent event) {
    }

    /** An iteration (one rollout and its updates) ended; a good moment to write aggregated metrics. */
    default void iterationEnded(long iteration, long envStep) {
    }

    /**
     * The training loop ended, {@code completed} (the budget was reached) or stopped early; the final evaluation
     * follows. A failure here fails the run.
     */
    default void loopEnded(boolean completed) {
    }

    /**
     * The final evaluation's metrics were sent (or there was no evaluation); {@link #runEnded} follows. A failure here
     * fails the run.
     */
    default void evaluationEnded(boolean completed) {
    }

    /**
     * True if this recorder has state a resumed run needs ({@link #saveState}); stateless recorders (progress bars,
     * live feeds) may differ between the run and its resumption.
     */
    default boolean hasState() {
        return false;
    }

    /**
     * Writes what this recorder needs to continue a resumed run exactly (totals, file lengths); called at every
     * checkpoint, between iterations, after {@link #iterationEnded}. Recorders without such state write nothing.
     */
    default void saveState(StateWriter out) {
    }

    /**
     * Puts back what {@link #saveState} wrote; called after {@link #runStarted} of a resumed run, before its first
     * iteration. Recorders that write files cut them back to the lengths they saved.
     *
     * @throws dev.lantern.agents.run.state.CheckpointFormatException if the state does not fit this recorder
     */
    default void restoreState(StateReader in) {
    }

    /**
     * The run ended (completed, stopped or failed); flush and close. A failure here is logged; it fails the run only
     * for the recorders that write the run directory ({@link #writesRunFiles}: metrics, checkpoints, {@code lca/}).
     */
    default void runEnded(RunOutcome outcome) {
    }

    /**
     * True if this recorder writes part of the run directory (metrics, checkpoints, {@code lca/}): a failure in its
     * {@link #runEnded} then fails the run, since the directory is incomplete. An observer (a progress bar, the lab's
     * feed) that fails to finish is logged and the run keeps its status.
     */
    default boolean writesRunFiles() {
        return false;
    }
}
