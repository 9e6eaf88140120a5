package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A recorder that writes part of the run directory and fails to finish fails the run, and the outcome the trainer
 * returns says so; an observer that fails to finish is only logged.
 */
class RunEndedFailureTest {

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
        return Trainer.builder(new IdleAgent(), new TrainerSettings(30, 0, 0)).recorder(failing).build().run();
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
