package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/**
 * A recorder that writes part of the run directory and fails to finish fails the run, and the outcome the trainer
 * returns says so; an observer that fails to finish is only logged.
 */
class RunEndedFailureTest {

    /** Counts ten environment steps an iteration and learns nothing. */
    private static final class Idle implements LearningAgent {
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

    private static RunOutcome runWith(boolean writesRunFiles) {
        Recorder failing = new Recorder() {
            @Override
            public void runEnded(RunOutcome outcome) {
                throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
            }

            @Override
            public boolean writesRunFiles() {
                return writesRunFiles;
            }
        };
        return Trainer.builder(new Idle(), new TrainerSettings(30, 0, 0)).recorder(failing).build().run();
    }

    @Test
    void aRunFileWriterThatCannotFinishFailsTheRun() {
        RunOutcome outcome = runWith(true);
        assertEquals("failed", outcome.status());
        assertTrue(outcome.failure().contains("No space left on device"), outcome.failure());
        assertEquals(30, outcome.envSteps());
    }

    @Test
    void anObserverThatCannotFinishLeavesTheRunCompleted() {
        RunOutcome outcome = runWith(false);
        assertEquals("completed", outcome.status());
    }
}
