package dev.lantern.agents.train;

import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** A test agent that counts ten environment steps an iteration and learns nothing; tests override what they need. */
class IdleAgent implements LearningAgent {
    @Override
    public void iterate(TrainingSession session) {
        session.addEnvSteps(10);
    }

    @Override
    public PolicyValueView snapshot() {
        throw new IllegalStateException("not needed: no evaluator");
    }

    @Override
    public ComputationGraph network() {
        return null;
    }

    @Override
    public long updates() {
        return 0;
    }

    @Override
    public void saveState(StateWriter out) {
    }

    @Override
    public void restoreState(StateReader in) {
    }
}
