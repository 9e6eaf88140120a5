package dev.lantern.agents.api;

import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * An agent that learns in iterations (collect, then update) under a trainer.
 * The trainer's thread owns it; other threads see it only through {@link #snapshot()}.
 */
public interface LearningAgent {

    /** One iteration: collect experience and update, reporting to {@code session}. */
    void iterate(TrainingSession session);

    /** A frozen copy of the policy and value function, safe to hand to another thread. */
    PolicyValueView snapshot();

    /**
     * A frozen copy like {@link #snapshot()} that may recycle {@code spent}: an earlier snapshot of this agent that no
     * thread uses any more, which the caller gives up. A learner whose snapshots are private network copies loads the
     * current parameters into that copy (a copy of the parameter vector instead of a whole network's) and returns a new
     * view over it; one that cannot, or given null or a snapshot of another kind, returns {@link #snapshot()}. Answers
     * what a new snapshot answers, bit for bit. Training thread only.
     */
    default PolicyValueView snapshot(PolicyValueView spent) {
        return snapshot();
    }

    /**
     * The trained network (training thread only): checkpoints serialize it with its updater state; null for a learner
     * without one (the tabular learner), which then has no loss change allocation.
     */
    ComputationGraph network();

    /** Optimizer steps applied so far. */
    long updates();

    /**
     * Writes everything beyond the network's parameters and updater state that the agent needs to continue exactly:
     * random streams, environment states, replay buffers, schedules, counters, target networks. Called between
     * iterations, on the training thread.
     */
    void saveState(StateWriter out);

    /**
     * Puts back what {@link #saveState} wrote, into an agent built from the same configuration and seed whose network
     * already holds the checkpoint's parameters and updater state. After it, the agent continues exactly as the one that
     * saved.
     *
     * @throws dev.lantern.agents.run.state.CheckpointFormatException if the state does not fit this agent
     */
    void restoreState(StateReader in);
}
